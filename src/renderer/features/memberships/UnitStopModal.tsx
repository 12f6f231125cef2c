import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '../../../shared/contract';
import { exclusiveEnd, inclusiveEnd, todayIsoLocal } from '../../lib/dates';
import { ChangePreviewModal } from './ChangePreviewModal';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { usePreviewedChange } from './usePreviewedChange';

/** Stopping = an end date: every membership under the unit ends on it (previewed first). */
export function UnitStopModal({ unit, onClose }: { unit: UnitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const pv = usePreviewedChange();
  const [lastDay, setLastDay] = useState<string | null>(inclusiveEnd(unit.endDate) ?? todayIsoLocal());
  const submit = () =>
    void pv.preview(
      'units.update',
      { id: unit.id, unit: { name: unit.name, level: unit.level, startDate: unit.startDate, endDate: exclusiveEnd(lastDay) } },
      onClose,
    );
  return (
    <>
      <Modal opened={!pv.pending} onClose={onClose} title={t('units.stop.title', { name: unit.name })} data-testid="unit-stop">
        <Stack>
          <Text size="sm">{t('units.stop.explain')}</Text>
          <DateField label={t('units.form.lastDay')} value={lastDay} onChange={setLastDay} data-field="endDate" />
          <MembershipsError error={pv.pending ? null : pv.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={pv.busy} data-testid="unit-preview">
              {t('units.form.preview')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pv.pending && <ChangePreviewModal changes={pv.pending} busy={pv.busy} error={pv.error} onSave={() => void pv.save()} onCancel={pv.cancel} />}
    </>
  );
}
