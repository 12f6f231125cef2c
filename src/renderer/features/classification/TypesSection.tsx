import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationDetail } from '../../../shared/contract';
import { parseDateText, showDate, todayIsoLocal } from '../../lib/dates';
import { issueMessage } from '../../lib/issues';
import { usePeriodText } from '../../lib/usePeriodText';
import { useMutation } from '../../rpc/useQuery';
import { EndDateModal } from '../../components/EndDateModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRelationTypes } from './useClassification';

export function TypesSection({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const types = useRelationTypes();
  const [typeId, setTypeId] = useState<string | null>(null);
  const [from, setFrom] = useState(showDate(todayIsoLocal()));
  const [fromInvalid, setFromInvalid] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const addType = useMutation('relations.addType');
  const endType = useMutation('relations.endType');
  const removeType = useMutation('relations.removeType');
  const options = (types.data?.rows ?? []).filter((r) => r.appliesTo === 'both' || r.appliesTo === detail.kind);

  const add = async () => {
    const f = parseDateText(from);
    setFromInvalid(!f.ok);
    if (!typeId || !f.ok) return;
    const r = await addType.run({ relationId: detail.id, typeId, validFrom: f.value, validTo: null });
    if (r.ok) setTypeId(null);
  };

  return (
    <Stack gap="sm">
      <Title order={4}>{t('classification.types.title')}</Title>
      <ErrorAlert error={addType.error ?? endType.error ?? removeType.error} />
      {detail.types.length === 0 ? (
        <Text c="dimmed" size="sm">{t('classification.types.none')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {detail.types.map((a) => (
              <Table.Tr key={a.id} data-testid="type-row">
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{period(a.validFrom, a.validTo)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {!a.validTo && (
                      <Button size="xs" variant="default" onClick={() => setEnding(a.id)}>
                        {t('common.end')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" color="red" onClick={() => void removeType.run({ assignmentId: a.id })}>
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="sm">
        <Select
          label={t('classification.types.add')}
          data={options.map((o) => ({ value: o.id, label: o.name }))}
          value={typeId}
          onChange={setTypeId}
          w={220}
          data-field="addType"
        />
        <TextInput
          label={t('fields.label.validFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={fromInvalid ? issueMessage(t, { code: 'DATE_INVALID' }) : undefined}
          w={160}
        />
        <Button onClick={() => void add()} disabled={!typeId} loading={addType.busy} data-testid="add-type">
          {t('common.add')}
        </Button>
      </Group>
      {ending && (
        <EndDateModal
          title={t('classification.types.endTitle')}
          busy={endType.busy}
          onClose={() => setEnding(null)}
          onConfirm={(validTo) => void endType.run({ assignmentId: ending, validTo }).then(() => setEnding(null))}
        />
      )}
    </Stack>
  );
}
