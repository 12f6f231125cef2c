import { Badge, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Inspection } from './import-model';
import { columnLetter, IGNORE, type targetSelectData } from './target-options';

interface Props {
  column: Inspection['columns'][number];
  target: string | null;
  data: ReturnType<typeof targetSelectData>;
  duplicate: boolean;
  onChange: (target: string | null) => void;
}

/** One file column: its header, a few values from the file, and where it goes. */
export function MappingRow({ column, target, data, duplicate, onChange }: Props) {
  const { t } = useTranslation();
  const header = column.header || t('io.mapping.noHeader');
  return (
    <Table.Tr data-testid="mapping-row" data-header={column.header}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {header}
        </Text>
        <Text size="xs" c="dimmed">
          {t('io.mapping.column', { letter: columnLetter(column.column) })}
        </Text>
      </Table.Td>
      <Table.Td>
        {column.samples.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('io.mapping.noSamples')}
          </Text>
        ) : (
          column.samples.map((s, i) => (
            <Text key={i} size="xs" truncate="end" maw={260} title={s}>
              {s}
            </Text>
          ))
        )}
      </Table.Td>
      <Table.Td w={300}>
        <Select
          aria-label={t('io.mapping.targetFor', { header })}
          data={data}
          value={target ?? IGNORE}
          onChange={(v) => onChange(!v || v === IGNORE ? null : v)}
          searchable
          allowDeselect={false}
          maxDropdownHeight={320}
          data-testid="mapping-target"
        />
        {duplicate && (
          <Badge color="yellow" variant="light" size="sm" mt={4}>
            {t('io.mapping.duplicate')}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
