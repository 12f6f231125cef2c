import { ActionIcon, Group, SegmentedControl, Select, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRelationTypes } from '../../classification/useClassification';
import type { SortKey } from './RelationsTable';

export type KindFilter = 'all' | 'person' | 'organisation';

interface Props {
  kind: KindFilter;
  onKind: (kind: KindFilter) => void;
  typeCode: string | null;
  onTypeCode: (code: string | null) => void;
  sort: SortKey;
  descending: boolean;
  onSort: (sort: SortKey) => void;
  onDirection: () => void;
}

export function RelationsToolbar(p: Props) {
  const { t } = useTranslation();
  const types = useRelationTypes();
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('relations.list.kindFilter')}
        value={p.kind}
        onChange={(v) => p.onKind(v as KindFilter)}
        data={[
          { value: 'all', label: t('relations.list.kindAll') },
          { value: 'person', label: t('relations.list.kindPersons') },
          { value: 'organisation', label: t('relations.list.kindOrganisations') },
        ]}
        data-testid="kind-filter"
      />
      <Select
        aria-label={t('relations.list.typeFilter')}
        placeholder={t('relations.list.typeAll')}
        clearable
        clearButtonProps={{ 'aria-label': t('relations.list.typeClear') }}
        value={p.typeCode}
        onChange={p.onTypeCode}
        data={(types.data?.rows ?? []).map((r) => ({ value: r.code, label: r.name }))}
        w={200}
        data-testid="type-filter"
      />
      <Select
        aria-label={t('relations.list.sortBy')}
        value={p.sort}
        onChange={(v) => v && p.onSort(v as SortKey)}
        allowDeselect={false}
        data={[
          { value: 'name', label: t('relations.list.sortName') },
          { value: 'number', label: t('relations.list.sortNumber') },
          { value: 'updated', label: t('relations.list.sortUpdated') },
        ]}
        w={190}
        data-testid="sort-select"
      />
      <Tooltip label={p.descending ? t('relations.list.descending') : t('relations.list.ascending')}>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={p.onDirection}
          aria-label={p.descending ? t('relations.list.descending') : t('relations.list.ascending')}
          data-testid="sort-direction"
        >
          <span aria-hidden>{p.descending ? '▼' : '▲'}</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
