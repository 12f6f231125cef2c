import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../shared/contract';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { isComplete } from '../conditions/condition-model';
import { ChangePreviewModal } from './ChangePreviewModal';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { RULE_EXCLUDE } from './rule-exclude';
import { usePreviewedChange } from './usePreviewedChange';

interface Props {
  unitId: string;
  membershipTypeId: string | null;
  ruleName: string;
  /** The latest version's condition, to start from. */
  initial: Condition | null;
  onClose: () => void;
}

/** "Nieuwe versie per datum": a future date schedules it, a past date applies it retroactively. */
export function RuleVersionModal({ unitId, membershipTypeId, ruleName, initial, onClose }: Props) {
  const { t } = useTranslation();
  const pv = usePreviewedChange();
  const today = todayIsoLocal();
  const [validFrom, setValidFrom] = useState<string | null>(today);
  const [lift, setLift] = useState(false);
  const [condition, setCondition] = useState<Condition | null>(initial);
  const [note, setNote] = useState('');
  const ready = validFrom !== null && (lift || isComplete(condition));

  const submit = () => {
    if (!validFrom || !(lift || isComplete(condition))) return;
    void pv.preview('rules.setVersion', { unitId, membershipTypeId, validFrom, condition: lift ? null : condition, note }, onClose);
  };

  return (
    <>
      <Modal opened={!pv.pending} onClose={onClose} title={t('units.version.title', { rule: ruleName })} size="60rem" data-testid="rule-version-form">
        <Stack>
          <DateField label={t('units.version.from')} value={validFrom} onChange={setValidFrom} w={180} data-field="validFrom" />
          {validFrom && validFrom > today && (
            <Alert color="blue" data-testid="version-scheduled">
              {t('units.version.scheduled', { date: showDate(validFrom) })}
            </Alert>
          )}
          {validFrom && validFrom < today && (
            <Alert color="orange" data-testid="version-retroactive">
              {t('units.version.retroactive', { date: showDate(validFrom) })}
            </Alert>
          )}
          <Checkbox label={t('units.version.lift')} checked={lift} onChange={(e) => setLift(e.currentTarget.checked)} data-testid="version-lift" />
          {!lift && <ConditionBuilder value={condition} onChange={setCondition} exclude={RULE_EXCLUDE} />}
          <TextInput label={t('units.version.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-field="note" />
          <MembershipsError error={pv.pending ? null : pv.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={pv.busy} disabled={!ready} data-testid="version-preview">
              {t('units.form.preview')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pv.pending && <ChangePreviewModal changes={pv.pending} busy={pv.busy} error={pv.error} onSave={() => void pv.save()} onCancel={pv.cancel} />}
    </>
  );
}
