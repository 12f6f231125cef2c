import { useEffect, useMemo, useState } from 'react';
import { Group, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowOutcome } from '../../../../shared/contract/io';
import { fieldLabel } from '../../../lib/issues';
import { useImportTargets } from '../common/useIo';
import { matchesFilter, type OutcomeFilter } from './outcome-filter';
import { OutcomeRow } from './OutcomeRow';

const PAGE = 50;

interface Props {
  rows: RowOutcome[];
  filter: OutcomeFilter;
}

/** The dry run row by row, a page at a time: a 100,000-row file never puts more than 50 rows in the DOM. */
export function OutcomeTable({ rows, filter }: Props) {
  const { t } = useTranslation();
  const targets = useImportTargets();
  const [page, setPage] = useState(1);
  const shown = useMemo(() => rows.filter((r) => matchesFilter(r, filter)), [rows, filter]);
  useEffect(() => setPage(1), [filter, rows]);
  const labels = useMemo(() => new Map((targets.data?.rows ?? []).map((r) => [r.key, r.label])), [targets.data]);
  const labelOf = useMemo(() => (field: string) => labels.get(field) ?? fieldLabel(t, field), [labels, t]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const slice = shown.slice((page - 1) * PAGE, page * PAGE);

  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="outcome-none">
        {t('io.preview.noRows')}
      </Text>
    );
  }
  return (
    <>
      <Table striped verticalSpacing={4} data-testid="outcome-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('io.preview.col.row')}</Table.Th>
            <Table.Th w={120}>{t('io.preview.col.outcome')}</Table.Th>
            <Table.Th w={240}>{t('io.preview.col.name')}</Table.Th>
            <Table.Th>{t('io.preview.col.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {slice.map((r) => (
            <OutcomeRow key={r.row} row={r} labelOf={labelOf} />
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" siblings={2} data-testid="outcome-pages" />
        </Group>
      )}
    </>
  );
}
