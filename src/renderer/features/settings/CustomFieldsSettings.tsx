import { useState } from 'react';
import { Button, Group, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDto } from '../../../shared/contract';
import { codeFromName } from '../../lib/code';
import { issuesByField } from '../../lib/issues';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCustomFields } from '../classification/useClassification';
import { useCustomFieldMutations } from './useSettingsMutations';

type DataType = CustomFieldDto['dataType'];
type Scope = CustomFieldDto['appliesTo'];
const DATA_TYPES: DataType[] = ['text', 'number', 'date', 'boolean', 'choice'];

export function CustomFieldsSettings() {
  const { t } = useTranslation();
  const fields = useCustomFields();
  const m = useCustomFieldMutations();
  const [label, setLabel] = useState('');
  const [dataType, setDataType] = useState<DataType>('text');
  const [scope, setScope] = useState<Scope>('both');
  const [options, setOptions] = useState<string[]>([]);
  const [removing, setRemoving] = useState<CustomFieldDto | null>(null);
  const errors = issuesByField(t, m.create.error?.body.issues);

  const create = async () => {
    const r = await m.create.run({ code: codeFromName(label), label: label.trim(), appliesTo: scope, dataType, options: dataType === 'choice' ? options : [] });
    if (!r.ok) return;
    setLabel('');
    setOptions([]);
    fields.reload();
  };

  return (
    <Stack gap="sm" data-testid="settings-custom-fields">
      <Title order={3}>{t('settings.custom.title')}</Title>
      <ErrorAlert error={m.remove.error} />
      {(fields.data?.rows.length ?? 0) === 0 && <Text c="dimmed" size="sm">{t('settings.custom.none')}</Text>}
      {(fields.data?.rows.length ?? 0) > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.common.name')}</Table.Th>
              <Table.Th>{t('settings.common.code')}</Table.Th>
              <Table.Th>{t('settings.custom.type')}</Table.Th>
              <Table.Th>{t('settings.common.appliesTo')}</Table.Th>
              <Table.Th>{t('settings.custom.options')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(fields.data?.rows ?? []).map((f) => (
              <Table.Tr key={f.id} data-testid="custom-field-row">
                <Table.Td>{f.label}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">{f.code}</Text>
                </Table.Td>
                <Table.Td>{t(`settings.dataType.${f.dataType}`)}</Table.Td>
                <Table.Td>{t(`settings.scope.${f.appliesTo}`)}</Table.Td>
                <Table.Td>{f.options.join(', ')}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(f)}>
                    {t('common.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-start" gap="sm">
        <TextInput label={t('settings.custom.newLabel')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors['code'] ?? errors['label']} w={220} data-field="newFieldLabel" />
        <Select
          label={t('settings.custom.type')}
          value={dataType}
          onChange={(v) => v && setDataType(v as DataType)}
          allowDeselect={false}
          data={DATA_TYPES.map((d) => ({ value: d, label: t(`settings.dataType.${d}`) }))}
          w={150}
        />
        <Select
          label={t('settings.common.appliesTo')}
          value={scope}
          onChange={(v) => v && setScope(v as Scope)}
          allowDeselect={false}
          data={(['both', 'person', 'organisation'] as const).map((s) => ({ value: s, label: t(`settings.scope.${s}`) }))}
          w={250}
        />
        {dataType === 'choice' && (
          <TagsInput label={t('settings.custom.options')} value={options} onChange={setOptions} error={errors['options']} w={260} placeholder={t('settings.custom.optionsHint')} />
        )}
        <Button mt={25} onClick={() => void create()} disabled={!label.trim()} loading={m.create.busy} data-testid="create-custom-field">
          {t('common.add')}
        </Button>
      </Group>
      <ConfirmModal
        opened={removing !== null}
        title={t('settings.custom.removeTitle')}
        message={t('settings.custom.removeMessage', { label: removing?.label ?? '' })}
        confirmLabel={t('common.remove')}
        danger
        busy={m.remove.busy}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          void m.remove.run({ id: removing.id }).then((x) => {
            setRemoving(null);
            if (x.ok) fields.reload();
          })
        }
      />
    </Stack>
  );
}
