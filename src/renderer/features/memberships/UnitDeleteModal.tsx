import { useEffect } from 'react';
import { Button, Group, Loader, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '../../../shared/contract';
import { ChangePreviewModal } from './ChangePreviewModal';
import { MembershipsError } from './MembershipsError';
import { usePreviewedChange } from './usePreviewedChange';

/** Deleting a unit removes its memberships, history included: the preview says how many first. */
export function UnitDeleteModal({ unit, onClose, onDeleted }: { unit: UnitDto; onClose: () => void; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const pv = usePreviewedChange();
  const { preview } = pv;
  useEffect(() => {
    void preview('units.delete', { id: unit.id }, () => {
      onClose();
      onDeleted?.();
    });
    // Once per opened dialog: the callbacks of that moment are the ones meant.
  }, [preview, unit.id]);
  if (pv.pending) {
    return (
      <ChangePreviewModal
        changes={pv.pending}
        busy={pv.busy}
        error={pv.error}
        message={t('units.delete.message', { name: unit.name })}
        saveLabel={t('common.remove')}
        danger
        onSave={() => void pv.save()}
        onCancel={onClose}
      />
    );
  }
  return (
    <Modal opened onClose={onClose} title={t('units.delete.title', { name: unit.name })}>
      <Stack>
        {pv.busy ? <Loader size="sm" /> : <MembershipsError error={pv.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
