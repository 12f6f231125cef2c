import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '../../../shared/contract';
import { todayIsoLocal } from '../../lib/dates';
import { ChangePreviewModal } from './ChangePreviewModal';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { UnitSelect } from './UnitSelect';
import { usePreviewedChange } from './usePreviewedChange';
import { subtreeIds, type UnitNode } from './unit-tree';

interface Props {
  unit: UnitDto;
  tree: UnitNode[];
  flat: UnitNode[];
  onClose: () => void;
}

/** Hang a unit under another parent from a date (future: scheduled; past: history is recomputed). */
export function UnitMoveModal({ unit, tree, flat, onClose }: Props) {
  const { t } = useTranslation();
  const pv = usePreviewedChange();
  const [parentId, setParentId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayIsoLocal());
  const below = subtreeIds(tree, unit.id);
  const options = flat.filter((n) => !below.has(n.unit.id));
  const submit = () => {
    if (parentId && date) void pv.preview('units.move', { id: unit.id, parentId, date }, onClose);
  };
  return (
    <>
      <Modal opened={!pv.pending} onClose={onClose} title={t('units.move.title', { name: unit.name })} data-testid="unit-move">
        <Stack>
          <Text size="sm">{t('units.move.explain')}</Text>
          <UnitSelect label={t('units.move.parent')} units={options} value={parentId} onChange={setParentId} data-field="parentId" />
          <DateField label={t('units.move.date')} value={date} onChange={setDate} data-field="date" />
          <MembershipsError error={pv.pending ? null : pv.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={pv.busy} disabled={!parentId || !date} data-testid="unit-preview">
              {t('units.form.preview')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pv.pending && <ChangePreviewModal changes={pv.pending} busy={pv.busy} error={pv.error} onSave={() => void pv.save()} onCancel={pv.cancel} />}
    </>
  );
}
