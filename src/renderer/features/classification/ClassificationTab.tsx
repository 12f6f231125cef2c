import { Divider, Stack } from '@mantine/core';
import type { RelationDetail } from '../../../shared/contract';
import { TypesSection } from './TypesSection';
import { TagsSection } from './TagsSection';
import { CustomValuesSection } from './CustomValuesSection';

export function ClassificationTab({ detail }: { detail: RelationDetail }) {
  return (
    <Stack maw={1000} gap="lg" data-testid="classification-tab">
      <TypesSection detail={detail} />
      <Divider />
      <TagsSection detail={detail} />
      <Divider />
      <CustomValuesSection detail={detail} />
    </Stack>
  );
}
