import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionDto } from '../../../shared/contract';
import { exclusiveEnd, inclusiveEnd, todayIsoLocal } from '../../lib/dates';
import { useMutation } from '../../rpc/useQuery';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { useSubscriptionTypes } from './useMemberships';

interface Props {
  relationId: string;
  subscription?: SubscriptionDto | undefined;
  /** Only ask for the last day and the reason ("Beëindigen"). */
  ending?: boolean;
  onClose: () => void;
}

/** Add, edit or end a subscription; ending asks only for the last day and the reason. */
export function SubscriptionModal({ relationId, subscription: s, ending = false, onClose }: Props) {
  const { t } = useTranslation();
  const types = useSubscriptionTypes();
  const add = useMutation('subscriptions.add');
  const update = useMutation('subscriptions.update');
  const [typeId, setTypeId] = useState<string | null>(s?.typeId ?? null);
  const [number, setNumber] = useState(s?.number ?? '');
  const [quantity, setQuantity] = useState<number>(s?.quantity ?? 1);
  const [startDate, setStartDate] = useState<string | null>(s?.startDate ?? todayIsoLocal());
  const [lastDay, setLastDay] = useState<string | null>(inclusiveEnd(s?.endDate ?? null) ?? (ending ? todayIsoLocal() : null));
  const [endReason, setEndReason] = useState(s?.endReason ?? '');
  const ready = typeId !== null && startDate !== null && (!ending || lastDay !== null);

  const save = async () => {
    if (!typeId || !startDate) return;
    const subscription = { typeId, number, quantity, startDate, endDate: exclusiveEnd(lastDay), endReason, recipients: s?.recipients ?? [] };
    const r = s ? await update.run({ id: s.id, subscription }) : await add.run({ relationId, subscription });
    if (r.ok) onClose();
  };

  const title = ending ? t('memberships.subscriptions.endTitle') : s ? t('memberships.subscriptions.editTitle') : t('memberships.subscriptions.addTitle');
  return (
    <Modal opened onClose={onClose} title={title} data-testid="subscription-form">
      <Stack>
        {!ending && (
          <>
            <Select
              label={t('memberships.subscriptions.type')}
              data={(types.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }))}
              value={typeId}
              onChange={setTypeId}
              data-field="typeId"
            />
            <Group grow>
              <TextInput label={t('memberships.subscriptions.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} data-field="number" />
              <NumberInput label={t('memberships.subscriptions.quantity')} value={quantity} min={1} onChange={(v) => setQuantity(typeof v === 'number' ? v : 1)} data-field="quantity" />
            </Group>
            <DateField label={t('memberships.subscriptions.startDate')} value={startDate} onChange={setStartDate} data-field="startDate" />
          </>
        )}
        <DateField label={t('common.lastDay')} value={lastDay} onChange={setLastDay} data-field="endDate" />
        <TextInput
          label={t('memberships.subscriptions.endReason')}
          placeholder={t('memberships.subscriptions.endReasonPlaceholder')}
          value={endReason}
          onChange={(e) => setEndReason(e.currentTarget.value)}
          data-field="endReason"
        />
        <MembershipsError error={add.error ?? update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={add.busy || update.busy} disabled={!ready} data-testid="save-subscription">
            {ending ? t('common.end') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
