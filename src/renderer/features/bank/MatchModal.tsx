import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BankEntryDto } from '../../../shared/contract';
import { useQuery } from '../../rpc/useQuery';
import { showDate } from '../../lib/dates';
import { showMoney } from '../contributions/money';
import { BankError } from './BankError';
import { useBankMutations } from './useBank';

/** Matching by hand: the open invoices that could fit (same amount first), searchable; or ignoring the entry with a note. */
export function MatchModal({ entry, onClose }: { entry: BankEntryDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const cands = useQuery('bank.candidates', { entryId: entry.id, search: search || undefined }, {});
  const { match, ignore } = useBankMutations();
  const rows = cands.data?.rows ?? [];
  const sum = rows.filter((r) => chosen.includes(r.invoiceId)).reduce((s, r) => s + r.openCents, 0);

  async function save() {
    const r = await match.run({ entryId: entry.id, invoiceIds: chosen });
    if (r.ok) onClose();
  }
  async function skip() {
    const r = await ignore.run({ entryId: entry.id, note });
    if (r.ok) onClose();
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={t('bank.manual.title', { amount: showMoney(entry.amountCents), name: entry.counterpartyName ?? entry.remittance ?? '—' })} data-testid="bank-match-modal">
      <Stack gap="sm">
        {entry.remittance && <Text size="sm" c="dimmed">{entry.remittance}</Text>}
        <Text size="sm">{t('bank.manual.pick')}</Text>
        <TextInput label={t('bank.manual.searchInvoice')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="bank-match-search" />
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('bank.column.invoices')}</Table.Th>
              <Table.Th>{t('bank.column.relation')}</Table.Th>
              <Table.Th>{t('bank.column.date')}</Table.Th>
              <Table.Th ta="right">{t('bank.column.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.invoiceId} data-testid="bank-candidate" data-number={r.number}>
                <Table.Td>
                  <Checkbox
                    aria-label={r.number}
                    checked={chosen.includes(r.invoiceId)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChosen((c) => (on ? [...c, r.invoiceId] : c.filter((x) => x !== r.invoiceId)));
                    }}
                  />
                </Table.Td>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>{r.relationName}</Table.Td>
                <Table.Td>{showDate(r.dueDate)}</Table.Td>
                <Table.Td ta="right">{showMoney(r.openCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" data-testid="bank-match-sum">{t('bank.manual.selected', { sum: showMoney(sum), amount: showMoney(Math.abs(entry.amountCents)) })}</Text>
        <BankError error={match.error ?? ignore.error} />
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput label={t('bank.manual.ignoreNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={260} data-testid="bank-ignore-note" />
            <Button variant="default" disabled={note.trim() === '' || ignore.busy} onClick={() => void skip()} data-testid="bank-ignore">
              {t('bank.manual.ignore')}
            </Button>
          </Group>
          <Button disabled={chosen.length === 0 || match.busy} onClick={() => void save()} data-testid="bank-match-save">
            {t('bank.manual.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
