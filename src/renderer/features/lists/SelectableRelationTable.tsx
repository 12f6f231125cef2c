import { Anchor, Checkbox, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { useNavigation } from '../../shell/navigation';
import { usePeriodsText } from '../conditions/usePeriodsText';
import type { ListSelection } from './useListSelection';

export const RELATION_COLUMNS = ['number', 'name', 'city', 'email', 'period'] as const;
export type RelationColumn = (typeof RELATION_COLUMNS)[number];

/**
 * One page of a list of relations with the shared selection (click, Shift-click, Ctrl-click;
 * the checkbox only shows it) and the name as a link to the card. `labels`: where the
 * headings are in the catalogue; `testIds`: the row's and the name cell's, for the e2e page objects.
 */
export function SelectableRelationTable(props: {
  rows: Output<'conditions.evaluate'>['rows'];
  selection: ListSelection;
  columns: readonly RelationColumn[];
  labels: 'lists.column' | 'selections.results';
  testIds: { row: string; name?: string };
}) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const periods = usePeriodsText();
  const { rows, selection } = props;
  const show = (c: RelationColumn) => props.columns.includes(c);
  if (rows.length === 0) return null;
  return (
    <Table striped highlightOnHover verticalSpacing={4} style={{ userSelect: 'none' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={32} />
          {RELATION_COLUMNS.filter(show).map((c) => (
            <Table.Th key={c} w={c === 'number' ? 90 : undefined}>
              {t(`${props.labels}.${c}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, index) => {
          const checked = selection.isSelected(r.id);
          return (
            <Table.Tr
              key={r.id}
              data-testid={props.testIds.row}
              data-selected={checked || undefined}
              bg={checked ? 'var(--mantine-color-blue-light)' : undefined}
              onClick={(e) => selection.click(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
            >
              <Table.Td>
                <Checkbox size="xs" checked={checked} readOnly aria-label={r.displayName} tabIndex={-1} />
              </Table.Td>
              {show('number') && <Table.Td>{r.number}</Table.Td>}
              {show('name') && (
                <Table.Td data-testid={props.testIds.name}>
                  <Anchor
                    component="button"
                    size="sm"
                    onClick={(e) => {
                      e.stopPropagation();
                      navigate({ page: 'relation', id: r.id });
                    }}
                  >
                    {r.displayName}
                  </Anchor>
                </Table.Td>
              )}
              {show('city') && <Table.Td>{r.city}</Table.Td>}
              {show('email') && <Table.Td>{r.email}</Table.Td>}
              {show('period') && <Table.Td>{periods(r.periods)}</Table.Td>}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
