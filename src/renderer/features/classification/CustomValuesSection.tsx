import { useEffect, useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationDetail } from '../../../shared/contract';
import { issuesByField } from '../../lib/issues';
import { useMutation } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCustomFields } from './useClassification';
import { CustomValueInput } from './CustomValueInput';
import { customFormValues, customValuesInput } from './custom-values';

export function CustomValuesSection({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const all = useCustomFields();
  const fields = (all.data?.rows ?? []).filter((f) => f.appliesTo === 'both' || f.appliesTo === detail.kind);
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useMutation('relations.setCustomValues');
  const storedKey = JSON.stringify(detail.customValues) + String(all.data?.rows.length ?? 0);

  useEffect(() => {
    setValues(customFormValues(fields, detail.customValues));
    // Keyed on the stored values: a reload after saving shows what the core kept.
  }, [storedKey]);

  const errors = issuesByField(t, save.error?.body.issues, ['values.']);
  const labelFor = (path: string) => fields.find((f) => `values.${f.code}` === path)?.label ?? path;

  return (
    <Stack gap="sm">
      <Title order={4}>{t('classification.custom.title')}</Title>
      {!save.error?.body.issues && <ErrorAlert error={save.error} />}
      {save.error?.body.issues && <ErrorAlert error={save.error} labelFor={labelFor} />}
      {fields.length === 0 ? (
        <Text c="dimmed" size="sm">{t('classification.custom.none')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {fields.map((f) => (
              <CustomValueInput
                key={f.id}
                field={f}
                value={values[f.code] ?? ''}
                onChange={(v) => setValues((old) => ({ ...old, [f.code]: v }))}
                error={errors[f.code]}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              onClick={() => void save.run({ relationId: detail.id, values: customValuesInput(fields, values) })}
              loading={save.busy}
              data-testid="save-custom"
            >
              {t('common.save')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
