import { useState } from 'react';
import { Autocomplete, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, UnitDto } from '../../../shared/contract';
import { exclusiveEnd, inclusiveEnd } from '../../lib/dates';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { isComplete } from '../conditions/condition-model';
import { ChangePreviewModal } from './ChangePreviewModal';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { RULE_EXCLUDE } from './rule-exclude';
import { childLevel, LEVEL_KEYS, type LevelKey } from './unit-levels';
import { UnitSelect } from './UnitSelect';
import { usePreviewedChange } from './usePreviewedChange';
import type { UnitNode } from './unit-tree';

interface Props {
  /** Edit this unit; without it a new unit is created under `parentId`. */
  unit?: UnitDto | undefined;
  parentId?: string | null | undefined;
  /** The tree (for the parent picker and level suggestion), in depth-first order. */
  flat: UnitNode[];
  onClose: () => void;
  onSaved?: (id: string | null) => void;
}

/** Create or edit a unit: name, level, dates, parent, optionally its first rule; previewed before saving. */
export function UnitFormModal({ unit, parentId = null, flat, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const pv = usePreviewedChange();
  const levels = LEVEL_KEYS.map((k) => t(`units.levels.${k}`));
  const levelKeyOf = (name: string | null): LevelKey | null => LEVEL_KEYS.find((k) => t(`units.levels.${k}`) === name) ?? null;
  const [parent, setParent] = useState<string | null>(parentId);
  const parentLevel = (id: string | null) => levelKeyOf(flat.find((n) => n.unit.id === id)?.unit.level ?? null);
  const [name, setName] = useState(unit?.name ?? '');
  const [level, setLevel] = useState(unit ? (unit.level ?? '') : t(`units.levels.${childLevel(parentLevel(parentId))}`));
  const [startDate, setStartDate] = useState<string | null>(unit?.startDate ?? null);
  const [lastDay, setLastDay] = useState<string | null>(inclusiveEnd(unit?.endDate ?? null));
  const [withRule, setWithRule] = useState(false);
  const [rule, setRule] = useState<Condition | null>(null);
  const ruleMissing = withRule && !isComplete(rule);

  const submit = () => {
    const fields = { name, level, startDate, endDate: exclusiveEnd(lastDay) };
    if (unit) {
      void pv.preview('units.update', { id: unit.id, unit: fields }, () => {
        onSaved?.(unit.id);
        onClose();
      });
      return;
    }
    const generalRule = withRule && isComplete(rule) ? rule : null;
    void pv.preview('units.create', { unit: fields, parentId: parent, generalRule }, (r) => {
      onSaved?.(r.id);
      onClose();
    });
  };

  const title = unit ? t('units.form.editTitle') : parent ? t('units.form.createTitle') : t('units.form.createRootTitle');
  return (
    <>
      <Modal opened={!pv.pending} onClose={onClose} title={title} size={withRule ? '60rem' : 'lg'} data-testid="unit-form">
        <Stack>
          <TextInput label={t('units.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-field="name" data-autofocus />
          <Group grow align="flex-start">
            <Autocomplete label={t('units.form.level')} placeholder={t('units.form.levelPlaceholder')} data={levels} value={level} onChange={setLevel} data-field="level" />
            {!unit && (
              <UnitSelect
                label={t('units.form.parent')}
                units={flat}
                extra={[{ value: '', label: t('units.form.noParent') }]}
                value={parent ?? ''}
                onChange={(v) => {
                  setParent(v || null);
                  setLevel(t(`units.levels.${childLevel(parentLevel(v || null))}`));
                }}
                allowDeselect={false}
                data-field="parentId"
              />
            )}
          </Group>
          <Group grow align="flex-start">
            <DateField label={t('units.form.startDate')} value={startDate} onChange={setStartDate} data-field="startDate" />
            <DateField label={t('units.form.lastDay')} value={lastDay} onChange={setLastDay} data-field="endDate" />
          </Group>
          {!unit && (
            <Checkbox
              label={t('units.form.withRule')}
              checked={withRule}
              onChange={(e) => setWithRule(e.currentTarget.checked)}
              data-testid="unit-with-rule"
            />
          )}
          {withRule && (
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('units.form.ruleHelp')}
              </Text>
              <ConditionBuilder value={rule} onChange={setRule} exclude={RULE_EXCLUDE} />
            </Stack>
          )}
          <MembershipsError error={pv.pending ? null : pv.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={pv.busy} disabled={!name.trim() || ruleMissing} data-testid="unit-preview">
              {t('units.form.preview')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pv.pending && <ChangePreviewModal changes={pv.pending} busy={pv.busy} error={pv.error} onSave={() => void pv.save()} onCancel={pv.cancel} />}
    </>
  );
}
