import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEDUPE_FIELDS, type DedupeWeights, type FieldWeight } from '../../../shared/contract';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';

const COLUMNS: (keyof FieldWeight)[] = ['agree', 'similar', 'differ'];

/** Settings → Dubbelen: points per field and the threshold of the duplicate scorer. */
export function DedupeSettings() {
  const { t } = useTranslation();
  const current = useQuery('dedupe.getWeights', {});
  const save = useMutation('dedupe.setWeights');
  const [draft, setDraft] = useState<DedupeWeights | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setDraft(current.data.weights);
  }, [current.data]);
  if (!draft) return <ErrorAlert error={current.error} />;

  const setPoint = (field: (typeof DEDUPE_FIELDS)[number], col: keyof FieldWeight, v: number) => {
    setSaved(false);
    setDraft({ ...draft, fields: { ...draft.fields, [field]: { ...draft.fields[field], [col]: v } } });
  };
  const store = async (weights: DedupeWeights | null) => {
    const r = await save.run({ weights });
    if (r.ok) {
      setDraft(r.value.weights);
      setSaved(true);
    }
  };
  return (
    <Stack gap="sm" maw={720} data-testid="dedupe-settings">
      <Text size="sm" c="dimmed">
        {t('dedupe.settings.explain')}
      </Text>
      <ErrorAlert error={save.error} />
      <NumberInput
        label={t('dedupe.settings.threshold')}
        value={draft.threshold}
        min={1}
        max={300}
        w={160}
        onChange={(v) => {
          setSaved(false);
          setDraft({ ...draft, threshold: typeof v === 'number' ? v : Number(v) || 1 });
        }}
        data-testid="dedupe-threshold"
      />
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {COLUMNS.map((c) => (
              <Table.Th key={c}>{t(`dedupe.settings.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DEDUPE_FIELDS.map((f) => (
            <Table.Tr key={f} data-field={f}>
              <Table.Td>{t(`dedupe.field.${f}`)}</Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c}>
                  <NumberInput
                    size="xs"
                    w={90}
                    min={-100}
                    max={100}
                    aria-label={`${t(`dedupe.field.${f}`)} ${t(`dedupe.settings.${c}`)}`}
                    value={draft.fields[f][c]}
                    onChange={(v) => setPoint(f, c, typeof v === 'number' ? v : Number(v) || 0)}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button onClick={() => void store(draft)} loading={save.busy} data-testid="dedupe-settings-save">
          {t('dedupe.settings.save')}
        </Button>
        <Button variant="default" onClick={() => void store(null)}>
          {t('dedupe.settings.reset')}
        </Button>
      </Group>
      {saved && <Alert color="green">{t('dedupe.settings.saved')}</Alert>}
    </Stack>
  );
}
