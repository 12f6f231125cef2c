import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationDetail } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTags } from './useClassification';
import { buildTagTree } from './tag-tree';
import { TagTreeNode } from './TagTreeNode';

export function TagsSection({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const tags = useTags();
  const setTags = useMutation('relations.setTags');
  const checked = new Set(detail.tagIds);
  const tree = buildTagTree(tags.data?.rows ?? []);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    void setTags.run({ relationId: detail.id, tagIds: [...next] });
  };

  return (
    <Stack gap="sm">
      <Title order={4}>{t('classification.tags.title')}</Title>
      <ErrorAlert error={setTags.error} />
      {tree.length === 0 && <Text c="dimmed" size="sm">{t('classification.tags.none')}</Text>}
      {tree.map((node) => (
        <TagTreeNode key={node.tag.id} node={node} checked={checked} onToggle={toggle} disabled={setTags.busy} />
      ))}
    </Stack>
  );
}
