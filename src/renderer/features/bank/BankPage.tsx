import { useState } from 'react';
import { Badge, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EntriesTab } from './EntriesTab';
import { ImportPanel } from './ImportPanel';
import { ReturnsTab } from './ReturnsTab';
import { StatementsTab } from './StatementsTab';
import { useBankEntries } from './useBank';

type BankTab = 'unmatched' | 'matched' | 'returns' | 'statements';
const TABS: BankTab[] = ['unmatched', 'matched', 'returns', 'statements'];

/** The treasurer's bank screen: read a statement (preview, then save), what matched and why, what is left, the returns. */
export function BankPage() {
  const { t } = useTranslation();
  const [active, setActive] = useState<BankTab>('unmatched');
  const open = useBankEntries('unmatched', '');
  return (
    <Stack gap="md" data-testid="bank-page">
      <Title order={2}>{t('bank.page.title')}</Title>
      <ImportPanel />
      <Tabs value={active} onChange={(v) => v && setActive(v as BankTab)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab
              key={k}
              value={k}
              data-testid={`bank-tab-${k}`}
              rightSection={k === 'unmatched' && open.data && open.data.total > 0 ? <Badge size="sm" color="orange" data-testid="bank-unmatched-count">{open.data.total}</Badge> : undefined}
            >
              {t(`bank.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="unmatched" pt="md">
          <EntriesTab status="unmatched" />
        </Tabs.Panel>
        <Tabs.Panel value="matched" pt="md">
          <EntriesTab status="matched" />
        </Tabs.Panel>
        <Tabs.Panel value="returns" pt="md">
          <ReturnsTab />
        </Tabs.Panel>
        <Tabs.Panel value="statements" pt="md">
          <StatementsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
