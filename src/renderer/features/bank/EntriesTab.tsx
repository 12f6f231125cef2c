import { useState } from 'react';
import { Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BankEntryDto } from '../../../shared/contract';
import { showDate } from '../../lib/dates';
import { showMoney } from '../contributions/money';
import { BankError } from './BankError';
import { MatchModal } from './MatchModal';
import { reasonText } from './reason-text';
import { useBankEntries, useBankMutations } from './useBank';

/** Entries of one status with the reason of each; unmatched ones can be matched by hand, a match by hand taken back. */
export function EntriesTab({ status }: { status: 'matched' | 'unmatched' }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const entries = useBankEntries(status, search);
  const { unmatch } = useBankMutations();
  const [matching, setMatching] = useState<BankEntryDto | null>(null);
  const rows = entries.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid={`bank-${status}`}>
      <TextInput placeholder={t('bank.manual.searchInvoice')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} data-testid={`bank-${status}-search`} />
      <BankError error={entries.error ?? unmatch.error} />
      {entries.data && rows.length === 0 && <Text c="dimmed">{t(`bank.empty.${status}`)}</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bank.column.date')}</Table.Th>
              <Table.Th ta="right">{t('bank.column.amount')}</Table.Th>
              <Table.Th>{t('bank.column.counterparty')}</Table.Th>
              <Table.Th>{t('bank.column.description')}</Table.Th>
              <Table.Th>{t('bank.column.reason')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-testid="bank-entry" data-amount={e.amountCents}>
                <Table.Td>{showDate(e.bookingDate)}</Table.Td>
                <Table.Td ta="right" c={e.amountCents < 0 ? 'red' : undefined}>{showMoney(e.amountCents)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.counterpartyName ?? '—'}</Text>
                  {e.counterpartyIban && <Text size="xs" c="dimmed">{e.counterpartyIban}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.remittance ?? e.structuredRef ?? ''}</Text>
                  {e.endToEndId && <Text size="xs" c="dimmed">{e.endToEndId}</Text>}
                </Table.Td>
                <Table.Td data-testid="bank-entry-reason">{reasonText(t, e.reason)}</Table.Td>
                <Table.Td>
                  {e.status === 'unmatched' && (
                    <Button size="xs" onClick={() => setMatching(e)} data-testid="bank-entry-match">
                      {t('bank.manual.open')}
                    </Button>
                  )}
                  {e.matchRule === 'manual' && (
                    <Button size="xs" variant="subtle" onClick={() => void unmatch.run({ entryId: e.id })} data-testid="bank-entry-unmatch">
                      {t('bank.manual.unmatch')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {matching && <MatchModal entry={matching} onClose={() => setMatching(null)} />}
    </Stack>
  );
}
