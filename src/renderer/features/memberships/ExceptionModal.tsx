import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exclusiveEnd, inclusiveEnd, todayIsoLocal } from '../../lib/dates';
import { useMutation } from '../../rpc/useQuery';
import { DateField } from '../../components/DateField';
import type { ExceptionDto } from './exception-dto';
import { MembershipsError } from './MembershipsError';
import { buildUnitTree, flattenTree } from './unit-tree';
import { UnitSelect } from './UnitSelect';
import { useMembershipTypes, useUnits } from './useMemberships';

interface Props {
  relationId: string;
  exception?: ExceptionDto | undefined;
  onClose: () => void;
}

/** An exception membership: the relation is placed in a unit of choice for a period, ignoring its rules. */
export function ExceptionModal({ relationId, exception: e, onClose }: Props) {
  const { t } = useTranslation();
  const today = todayIsoLocal();
  const units = useUnits(today);
  const types = useMembershipTypes();
  const add = useMutation('exceptions.add');
  const update = useMutation('exceptions.update');
  const [unitId, setUnitId] = useState<string | null>(e?.unitId ?? null);
  const [typeId, setTypeId] = useState<string | null>(e?.membershipTypeId ?? null);
  const [validFrom, setValidFrom] = useState<string | null>(e ? e.validFrom : today);
  const [lastDay, setLastDay] = useState<string | null>(inclusiveEnd(e?.validTo ?? null));
  const [ignoreBaseRule, setIgnoreBaseRule] = useState(e?.ignoreBaseRule ?? false);
  const [reason, setReason] = useState(e?.reason ?? '');
  const flat = useMemo(() => flattenTree(buildUnitTree(units.data?.rows ?? [], today)), [units.data, today]);

  const save = async () => {
    if (!unitId || !typeId) return;
    const exception = { unitId, membershipTypeId: typeId, validFrom, validTo: exclusiveEnd(lastDay), ignoreBaseRule, reason };
    const r = e ? await update.run({ id: e.id, exception }) : await add.run({ relationId, exception });
    if (r.ok) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={e ? t('memberships.exceptions.editTitle') : t('memberships.exceptions.addTitle')} size="lg" data-testid="exception-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('memberships.exceptions.explain')}
        </Text>
        <Group grow align="flex-start">
          <UnitSelect label={t('memberships.exceptions.unit')} units={flat} value={unitId} onChange={setUnitId} data-field="unitId" />
          <Select
            label={t('memberships.exceptions.type')}
            data={(types.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={typeId}
            onChange={setTypeId}
            data-field="membershipTypeId"
          />
        </Group>
        <Group grow align="flex-start">
          <DateField label={t('fields.label.validFrom')} value={validFrom} onChange={setValidFrom} data-field="validFrom" />
          <DateField label={t('common.lastDay')} value={lastDay} onChange={setLastDay} data-field="validTo" />
        </Group>
        <Checkbox
          label={t('memberships.exceptions.ignoreBaseRule')}
          description={t('memberships.exceptions.ignoreBaseRuleHelp')}
          checked={ignoreBaseRule}
          onChange={(ev) => setIgnoreBaseRule(ev.currentTarget.checked)}
          data-field="ignoreBaseRule"
        />
        <TextInput label={t('memberships.exceptions.reason')} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} data-field="reason" />
        <MembershipsError error={add.error ?? update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={add.busy || update.busy} disabled={!unitId || !typeId} data-testid="save-exception">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
