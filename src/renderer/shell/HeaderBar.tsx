import { Button, Group, Kbd, Text, Title } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { useAppInfo } from './useAppInfo';
import { AdministrationMenu } from '../features/administrations/AdministrationMenu';

export function HeaderBar({ onOpenSearch }: { onOpenSearch: () => void }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const mac = useOs() === 'macos';
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Title order={4} c="teal.8">
          {t('shell.header.product')}
        </Title>
        <Text c="dimmed" truncate data-testid="administration-name">
          {info.data?.administration.name ?? ''}
        </Text>
        <AdministrationMenu />
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Button
          variant="default"
          onClick={onOpenSearch}
          aria-label={t('search.open.label')}
          w={280}
          justify="space-between"
          rightSection={
            <Group gap={2} wrap="nowrap">
              <Kbd size="xs">{mac ? '⌘' : 'Ctrl'}</Kbd>
              <Kbd size="xs">K</Kbd>
            </Group>
          }
        >
          <Text c="dimmed" size="sm">
            {t('search.open.placeholder')}
          </Text>
        </Button>
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
