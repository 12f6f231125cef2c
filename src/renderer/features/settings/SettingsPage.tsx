import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RelationTypesSettings } from './RelationTypesSettings';
import { TagsSettings } from './TagsSettings';
import { CustomFieldsSettings } from './CustomFieldsSettings';
import { LinkTypesSettings } from './LinkTypesSettings';
import { DedupeSettings } from '../dedupe/DedupeSettings';
import { RetentionSettings } from '../privacy/RetentionSettings';
import { BackupsSettings } from '../administrations/BackupsSettings';
import { SecuritySettings } from './SecuritySettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1100} gap="md">
      <Title order={2}>{t('settings.page.title')}</Title>
      <Tabs defaultValue="types" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="types">{t('settings.page.types')}</Tabs.Tab>
          <Tabs.Tab value="tags">{t('settings.page.tags')}</Tabs.Tab>
          <Tabs.Tab value="custom">{t('settings.page.custom')}</Tabs.Tab>
          <Tabs.Tab value="links">{t('settings.page.linkTypes')}</Tabs.Tab>
          <Tabs.Tab value="duplicates">{t('settings.page.duplicates')}</Tabs.Tab>
          <Tabs.Tab value="privacy" data-testid="settings-privacy">{t('privacy.retention.tab')}</Tabs.Tab>
          <Tabs.Tab value="backups">{t('administrations.backups.tab')}</Tabs.Tab>
          <Tabs.Tab value="security">{t('session.settings.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="types" pt="md">
          <RelationTypesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="tags" pt="md">
          <TagsSettings />
        </Tabs.Panel>
        <Tabs.Panel value="custom" pt="md">
          <CustomFieldsSettings />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <LinkTypesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="md">
          <SecuritySettings />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates" pt="md">
          <DedupeSettings />
        </Tabs.Panel>
        <Tabs.Panel value="privacy" pt="md">
          <RetentionSettings />
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="md">
          <BackupsSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
