import { useEffect, useState } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportTab } from './export/ExportTab';
import { ImportWizard } from './import/ImportWizard';
import { LabelsTab } from './labels/LabelsTab';
import { MergeTab } from './merge/MergeTab';

export type IoTab = 'import' | 'export' | 'merge' | 'labels';

/**
 * Import & export: one page, four tabs. Panels stay mounted so a half-done import keeps its
 * file and mapping while the user looks something up in another tab.
 */
export function IoPage({ tab }: { tab?: IoTab | undefined }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<IoTab>(tab ?? 'import');
  // A link to a given tab (from elsewhere in the app) opens it even while the page is shown.
  useEffect(() => {
    if (tab) setActive(tab);
  }, [tab]);
  return (
    <Stack gap="md">
      <Title order={2}>{t('io.page.title')}</Title>
      <Tabs value={active} onChange={(v) => v && setActive(v as IoTab)} keepMounted>
        <Tabs.List>
          <Tabs.Tab value="import" data-testid="io-tab-import">
            {t('io.page.tab.import')}
          </Tabs.Tab>
          <Tabs.Tab value="export" data-testid="io-tab-export">
            {t('io.page.tab.export')}
          </Tabs.Tab>
          <Tabs.Tab value="merge" data-testid="io-tab-merge">
            {t('io.page.tab.merge')}
          </Tabs.Tab>
          <Tabs.Tab value="labels" data-testid="io-tab-labels">
            {t('io.page.tab.labels')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import" pt="md">
          <ImportWizard />
        </Tabs.Panel>
        <Tabs.Panel value="export" pt="md">
          <ExportTab />
        </Tabs.Panel>
        <Tabs.Panel value="merge" pt="md">
          <MergeTab />
        </Tabs.Panel>
        <Tabs.Panel value="labels" pt="md">
          <LabelsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
