import { useState } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BankEntryDto } from '../../../shared/contract';
import { BankError } from './BankError';
import { BankTable } from './BankTable';
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
      <BankTable
        rows={rows}
        signed
        row={(e) => ({ 'data-testid': 'bank-entry', 'data-amount': e.amountCents })}
        columns={[
          {
            label: t('bank.column.counterparty'),
            cell: (e) => (
              <>
                <Text size="sm">{e.counterpartyName ?? '—'}</Text>
                {e.counterpartyIban && <Text size="xs" c="dimmed">{e.counterpartyIban}</Text>}
              </>
            ),
          },
          {
            label: t('bank.column.description'),
            cell: (e) => (
              <>
                <Text size="sm">{e.remittance ?? e.structuredRef ?? ''}</Text>
                {e.endToEndId && <Text size="xs" c="dimmed">{e.endToEndId}</Text>}
              </>
            ),
          },
          { label: t('bank.column.reason'), cell: (e) => reasonText(t, e.reason), td: () => ({ 'data-testid': 'bank-entry-reason' }) },
          {
            label: '',
            cell: (e) => (
              <>
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
              </>
            ),
          },
        ]}
      />
      {matching && <MatchModal entry={matching} onClose={() => setMatching(null)} />}
    </Stack>
  );
}
