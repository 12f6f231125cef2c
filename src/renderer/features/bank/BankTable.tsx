import type { ReactNode } from 'react';
import { Table, type TableTdProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate } from '../../lib/dates';
import { showMoney } from '../contributions/money';

/** A column after the date and the amount: its heading, its cell, and props of the cell (colour, indent, test id). */
export interface BankColumn<R> {
  label: string;
  cell: (row: R) => ReactNode;
  td?: (row: R) => TableTdProps & { 'data-testid'?: string };
}

/**
 * The bank screens' tables of booked lines (entries, returns, an import's preview): the
 * booking date and the amount first, then the screen's own columns. Nothing when there are
 * no rows. `signed`: a debit (negative amount) shows red.
 */
export function BankTable<R extends { id: string; bookingDate: string; amountCents: number }>(props: {
  rows: R[];
  columns: BankColumn<R>[];
  row: (row: R) => Record<`data-${string}`, string | number | undefined>;
  signed?: boolean;
}) {
  const { t } = useTranslation();
  if (props.rows.length === 0) return null;
  return (
    <Table striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('bank.column.date')}</Table.Th>
          <Table.Th ta="right">{t('bank.column.amount')}</Table.Th>
          {props.columns.map((c, i) => (
            <Table.Th key={i}>{c.label || null}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={r.id} {...props.row(r)}>
            <Table.Td>{showDate(r.bookingDate)}</Table.Td>
            <Table.Td ta="right" c={props.signed && r.amountCents < 0 ? 'red' : undefined}>
              {showMoney(r.amountCents)}
            </Table.Td>
            {props.columns.map((c, i) => (
              <Table.Td key={i} {...c.td?.(r)}>
                {c.cell(r)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
