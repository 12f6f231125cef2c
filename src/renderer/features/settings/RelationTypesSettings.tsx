import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import type { RelationTypeDto } from '../../../shared/contract';
import { codeFromName } from '../../lib/code';
import { issuesByField } from '../../lib/issues';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NameModal } from '../../components/NameModal';
import { useRelationTypes } from '../classification/useClassification';
import { useRelationTypeMutations } from './useSettingsMutations';

type Scope = 'person' | 'organisation' | 'both';

export function RelationTypesSettings() {
  const { t, i18n } = useTranslation();
  const types = useRelationTypes();
  const m = useRelationTypeMutations();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('both');
  const [renaming, setRenaming] = useState<RelationTypeDto | null>(null);
  const errors = issuesByField(t, m.create.error?.body.issues);
  const scopes = (['both', 'person', 'organisation'] as const).map((s) => ({ value: s, label: t(`settings.scope.${s}`) }));

  const create = async () => {
    const r = await m.create.run({ code: codeFromName(name), name: name.trim(), appliesTo: scope });
    if (r.ok) {
      setName('');
      types.reload();
    }
  };

  return (
    <Stack gap="sm" data-testid="settings-relation-types">
      <Title order={3}>{t('settings.types.title')}</Title>
      <ErrorAlert error={m.remove.error ?? m.update.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.common.name')}</Table.Th>
            <Table.Th>{t('settings.common.code')}</Table.Th>
            <Table.Th>{t('settings.common.appliesTo')}</Table.Th>
            <Table.Th>{t('settings.types.count')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(types.data?.rows ?? []).map((r) => (
            <Table.Tr key={r.id} data-testid="relation-type-row">
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">{r.code}</Text>
              </Table.Td>
              <Table.Td>{t(`settings.scope.${r.appliesTo}`)}</Table.Td>
              <Table.Td>{formatCount(r.count, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setRenaming(r)}>
                    {t('settings.common.rename')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void m.remove.run({ id: r.id }).then((x) => x.ok && types.reload())}
                  >
                    {t('common.remove')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('settings.types.newName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors['code'] ?? errors['name']}
          w={240}
          data-field="newTypeName"
        />
        <Select label={t('settings.common.appliesTo')} value={scope} onChange={(v) => v && setScope(v as Scope)} data={scopes} allowDeselect={false} w={250} />
        <Button mt={25} onClick={() => void create()} disabled={!name.trim()} loading={m.create.busy} data-testid="create-type">
          {t('common.add')}
        </Button>
      </Group>
      {renaming && (
        <NameModal
          title={t('settings.types.renameTitle')}
          label={t('settings.common.name')}
          initial={renaming.name}
          busy={m.update.busy}
          error={m.update.error}
          onClose={() => setRenaming(null)}
          onSave={(newName) =>
            void m.update.run({ id: renaming.id, name: newName, appliesTo: renaming.appliesTo }).then((x) => {
              if (!x.ok) return;
              setRenaming(null);
              types.reload();
            })
          }
        />
      )}
    </Stack>
  );
}
