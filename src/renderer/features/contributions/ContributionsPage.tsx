import { useEffect, useState } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScheduleTab } from './schedule/ScheduleTab';
import { RunsTab } from './runs/RunsTab';
import { InvoicesTab } from './invoices/InvoicesTab';
import { OpenItemsTab } from './open/OpenItemsTab';
import { InvoicingSettingsTab } from './settings/InvoicingSettingsTab';
import { IncassoTab } from '../sepa/IncassoTab';

export type ContributionsTab = 'schedules' | 'runs' | 'invoices' | 'open' | 'incasso' | 'settings';
const TABS: ContributionsTab[] = ['schedules', 'runs', 'invoices', 'open', 'incasso', 'settings'];

/** The treasurer's page: fees, runs (with the dry run), invoices and payments, what is still open. */
export function ContributionsPage({ tab }: { tab?: ContributionsTab | undefined }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<ContributionsTab>(tab ?? 'runs');
  useEffect(() => {
    if (tab) setActive(tab);
  }, [tab]);
  return (
    <Stack gap="md" data-testid="contributions-page">
      <Title order={2}>{t('contributions.page.title')}</Title>
      <Tabs value={active} onChange={(v) => v && setActive(v as ContributionsTab)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`contributions-tab-${k}`}>
              {t(`contributions.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="schedules" pt="md">
          <ScheduleTab />
        </Tabs.Panel>
        <Tabs.Panel value="runs" pt="md">
          <RunsTab />
        </Tabs.Panel>
        <Tabs.Panel value="invoices" pt="md">
          <InvoicesTab />
        </Tabs.Panel>
        <Tabs.Panel value="open" pt="md">
          <OpenItemsTab />
        </Tabs.Panel>
        <Tabs.Panel value="incasso" pt="md">
          <IncassoTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <InvoicingSettingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
