import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLinkTypes } from '../classification/useClassification';

/** Read-only for now: the list of link types and how they read from both sides. */
export function LinkTypesSettings() {
  const { t } = useTranslation();
  const types = useLinkTypes();
  return (
    <Stack gap="sm" data-testid="settings-link-types">
      <Title order={3}>{t('settings.linkTypes.title')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.linkTypes.name')}</Table.Th>
            <Table.Th>{t('settings.linkTypes.reverseName')}</Table.Th>
            <Table.Th>{t('settings.linkTypes.from')}</Table.Th>
            <Table.Th>{t('settings.linkTypes.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(types.data?.rows ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>{l.symmetric ? <Text size="sm" c="dimmed">{t('settings.linkTypes.symmetric')}</Text> : l.reverseName}</Table.Td>
              <Table.Td>{t(`settings.scope.${l.fromKind}`)}</Table.Td>
              <Table.Td>{t(`settings.scope.${l.toKind}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
