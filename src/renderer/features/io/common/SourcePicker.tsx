import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import type { SourceChoice } from './source-model';
import { useSourceLists } from './useIo';

interface Props {
  value: SourceChoice;
  onChange: (next: SourceChoice) => void;
  /** Merge and labels are about a chosen set of people; "all relations" is for exports. */
  allowAll?: boolean;
}

/** Which relations: all (optionally one relation type), a group or a selection, on a date. */
export function SourcePicker({ value, onChange, allowAll = true }: Props) {
  const { t } = useTranslation();
  const { groups, selections, types } = useSourceLists();
  const set = (patch: Partial<SourceChoice>) => onChange({ ...value, ...patch });
  const kinds = (allowAll ? ['all', 'group', 'selection'] : ['group', 'selection']) as SourceChoice['kind'][];

  return (
    <Stack gap="xs" data-testid="source-picker">
      <Text size="sm" fw={500}>
        {t('io.source.label')}
      </Text>
      <SegmentedControl
        value={value.kind}
        onChange={(v) => set({ kind: v as SourceChoice['kind'] })}
        data={kinds.map((k) => ({ value: k, label: t(`io.source.kind.${k}`) }))}
        data-testid="source-kind"
      />
      <Group align="flex-end" gap="sm">
        {value.kind === 'all' && (
          <Select
            label={t('io.source.type')}
            placeholder={t('io.source.typeAll')}
            data={(types.data?.rows ?? []).map((r) => ({ value: r.code, label: r.name }))}
            value={value.typeCode}
            onChange={(v) => set({ typeCode: v })}
            clearable
            w={260}
            data-testid="source-type"
          />
        )}
        {value.kind === 'group' && (
          <Select
            label={t('io.source.group')}
            placeholder={t('io.source.groupPlaceholder')}
            data={(groups.data?.rows ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={value.groupId}
            onChange={(v) => set({ groupId: v })}
            searchable
            w={300}
            data-testid="source-group"
          />
        )}
        {value.kind === 'selection' && (
          <Select
            label={t('io.source.selection')}
            placeholder={(selections.data?.rows.length ?? 0) > 0 ? t('io.source.selectionPlaceholder') : t('io.source.noSelections')}
            data={(selections.data?.rows ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={value.selectionId}
            onChange={(v) => set({ selectionId: v })}
            searchable
            w={300}
            data-testid="source-selection"
          />
        )}
        <DateField
          label={t('io.source.on')}
          description={t('io.source.onHelp')}
          value={value.on}
          onChange={(on) => set({ on })}
          w={180}
          data-testid="source-on"
        />
      </Group>
    </Stack>
  );
}
