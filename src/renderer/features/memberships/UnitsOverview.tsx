import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BrokenRulesAlert } from './BrokenRulesAlert';
import { MembershipTypesSection } from './MembershipTypesSection';
import { SubscriptionTypesSection } from './SubscriptionTypesSection';
import { UnitTreeSection } from './UnitTreeSection';

/** "Lidmaatschappen": the unit tree, the membership types and the subscription types. */
export function UnitsOverview() {
  const { t } = useTranslation();
  return (
    <Stack maw={1200} gap="md">
      <Stack gap={2}>
        <Title order={2}>{t('units.page.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('units.page.explain')}
        </Text>
      </Stack>
      <BrokenRulesAlert />
      <Tabs defaultValue="tree" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tree">{t('units.page.tabTree')}</Tabs.Tab>
          <Tabs.Tab value="types">{t('units.page.tabTypes')}</Tabs.Tab>
          <Tabs.Tab value="subscriptions">{t('units.page.tabSubscriptions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tree" pt="md">
          <UnitTreeSection />
        </Tabs.Panel>
        <Tabs.Panel value="types" pt="md">
          <MembershipTypesSection />
        </Tabs.Panel>
        <Tabs.Panel value="subscriptions" pt="md">
          <SubscriptionTypesSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
