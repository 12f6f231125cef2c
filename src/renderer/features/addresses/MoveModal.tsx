import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddressDto } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { useForm } from '../../lib/useForm';
import { fieldKey, fieldLabel, issueMessage } from '../../lib/issues';
import { parseDateText, showDate, todayIsoLocal } from '../../lib/dates';
import { useMutation } from '../../rpc/useQuery';
import { IssueSummary } from '../../components/IssueSummary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddressFields } from './AddressFields';
import { addressChecks, addressInput, checkAddressForm, emptyAddressForm, type AddressFormValues } from './address-form';

interface Props {
  relationId: string;
  /** The address being left; its type is the default for the new one. */
  current?: AddressDto | undefined;
  onClose: () => void;
}

/** A move: the current address of the type ends the day before the move date and stays as history. */
export function MoveModal({ relationId, current, onClose }: Props) {
  const { t } = useTranslation();
  const form = useForm<AddressFormValues>(emptyAddressForm(current?.type ?? 'home'), addressChecks('NL'));
  const [date, setDate] = useState(showDate(todayIsoLocal()));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const move = useMutation('addresses.move');
  const dateIssue = issues.find((i) => i.field === 'date');

  const save = async () => {
    const parsed = parseDateText(date);
    const local = checkAddressForm(form.values).filter((i) => i.field !== 'validFrom' && i.field !== 'validTo');
    if (!parsed.ok || !parsed.value) local.unshift({ field: 'date', code: 'DATE_INVALID' });
    form.setIssues(local);
    setIssues(local);
    if (local.length || !parsed.ok || !parsed.value) return;
    const r = await move.run({ relationId, date: parsed.value, address: { ...addressInput(form.values), validFrom: null, validTo: null } });
    if (r.ok) {
      onClose();
      return;
    }
    const server = (r.error.body.issues ?? []).map((i) => ({ ...i, field: fieldKey(i.field) }));
    form.setIssues(server);
    setIssues(server);
  };

  return (
    <Modal opened onClose={onClose} title={t('addresses.move.title')} size="60rem">
      <Stack>
        {current && (
          <Text size="sm" c="dimmed">
            {t('addresses.move.leaving', { address: current.lines.join(', ') })}
          </Text>
        )}
        <IssueSummary issues={issues} labelFor={(p) => (p === 'date' ? t('addresses.move.date') : fieldLabel(t, p))} />
        {issues.length === 0 && <ErrorAlert error={move.error} />}
        <TextInput
          label={t('addresses.move.date')}
          description={t('addresses.move.dateHint')}
          placeholder={t('common.datePlaceholder')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          onBlur={() => {
            const r = parseDateText(date);
            if (r.ok && r.value) setDate(showDate(r.value));
          }}
          error={dateIssue ? issueMessage(t, dateIssue) : undefined}
          w={380}
          data-field="moveDate"
        />
        <AddressFields form={form} withPeriod={false} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={move.busy} data-testid="save-move">
            {t('addresses.move.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
