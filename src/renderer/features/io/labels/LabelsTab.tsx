import { useState } from 'react';
import { SimpleGrid, Stack } from '@mantine/core';
import { SourcePicker } from '../common/SourcePicker';
import { INITIAL_SOURCE, toListSource, type SourceChoice } from '../common/source-model';
import { EnvelopesCard } from './EnvelopesCard';
import { LabelsCard } from './LabelsCard';
import { DEFAULT_PRINT, type PrintSettings } from './PrintOptions';

/** Address labels and envelopes for one source. */
export function LabelsTab() {
  const [source, setSource] = useState<SourceChoice>({ ...INITIAL_SOURCE, kind: 'selection' });
  const [print, setPrint] = useState<PrintSettings>(DEFAULT_PRINT);
  const listSource = toListSource(source);
  return (
    <Stack gap="md" data-testid="labels-tab">
      <SourcePicker value={source} onChange={setSource} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <LabelsCard source={listSource} on={source.on} print={print} onPrint={setPrint} />
        <EnvelopesCard source={listSource} on={source.on} print={print} />
      </SimpleGrid>
    </Stack>
  );
}
