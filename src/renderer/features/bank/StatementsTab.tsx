import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate, showDateTime } from '../../lib/dates';
import { centsToText, textToCents } from '../contributions/money';
import { BankError } from './BankError';
import { useBankMutations, useBankSettings, useBankStatements } from './useBank';

/** The statements read so far, and the bank settings (own accounts, return fee, retries). */
export function StatementsTab() {
  const { t } = useTranslation();
  const statements = useBankStatements();
  const settings = useBankSettings();
  const { setSettings } = useBankMutations();
  const [accounts, setAccounts] = useState('');
  const [fee, setFee] = useState('');
  const [retries, setRetries] = useState('2');
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setAccounts(settings.data.accounts.join(', '));
    setFee(centsToText(settings.data.returnFeeCents));
    setRetries(String(settings.data.maxRetries));
  }, [settings.data]);

  async function save() {
    setDone(false);
    const cents = textToCents(fee) ?? 0;
    const r = await setSettings.run({
      settings: { accounts: accounts.split(',').map((a) => a.replace(/\s/gu, '').toUpperCase()).filter(Boolean), returnFeeCents: cents, maxRetries: Number(retries) || 0 },
    });
    if (r.ok) setDone(true);
  }

  const rows = statements.data?.rows ?? [];
  return (
    <Stack gap="md" data-testid="bank-statements">
      {statements.data && rows.length === 0 && <Text c="dimmed">{t('bank.empty.statements')}</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bank.column.file')}</Table.Th>
              <Table.Th>{t('bank.column.account')}</Table.Th>
              <Table.Th>{t('bank.column.date')}</Table.Th>
              <Table.Th ta="right">{t('bank.column.entries')}</Table.Th>
              <Table.Th>{t('bank.column.imported')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id} data-testid="bank-statement">
                <Table.Td>{s.fileName}</Table.Td>
                <Table.Td>{s.accountIban} ({s.format === 'camt053' ? 'CAMT.053' : `MT940 ${s.dialect}`})</Table.Td>
                <Table.Td>{showDate(s.fromDate)} – {showDate(s.toDate)}</Table.Td>
                <Table.Td ta="right">{s.entryCount - s.duplicateCount} / {s.entryCount}</Table.Td>
                <Table.Td>{showDateTime(s.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('bank.settings.title')}</Text>
        <Group align="flex-end">
          <TextInput label={t('bank.settings.accounts')} value={accounts} onChange={(e) => setAccounts(e.currentTarget.value)} w={360} data-testid="bank-settings-accounts" />
          <TextInput label={t('bank.settings.returnFee')} value={fee} onChange={(e) => setFee(e.currentTarget.value)} w={220} data-testid="bank-settings-fee" />
          <TextInput label={t('bank.settings.maxRetries')} value={retries} onChange={(e) => setRetries(e.currentTarget.value)} w={220} data-testid="bank-settings-retries" />
          <Button onClick={() => void save()} disabled={setSettings.busy} data-testid="bank-settings-save">{t('bank.settings.save')}</Button>
        </Group>
        <BankError error={setSettings.error} />
        {done && <Text size="sm" c="green" mt="xs">{t('bank.settings.saved')}</Text>}
      </Paper>
    </Stack>
  );
}
