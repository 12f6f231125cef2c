import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddressDto } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { useForm } from '../../lib/useForm';
import { fieldKey } from '../../lib/issues';
import { useMutation } from '../../rpc/useQuery';
import { IssueSummary } from '../../components/IssueSummary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddressFields } from './AddressFields';
import { addressChecks, addressFormFromDto, addressInput, checkAddressForm, emptyAddressForm, type AddressFormValues } from './address-form';

interface Props {
  relationId: string;
  /** Edit this address; without it a new one is added. */
  address?: AddressDto;
  onClose: () => void;
}

export function AddressModal({ relationId, address, onClose }: Props) {
  const { t } = useTranslation();
  const form = useForm<AddressFormValues>(address ? addressFormFromDto(address) : emptyAddressForm(), addressChecks('NL'));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const add = useMutation('addresses.add');
  const update = useMutation('addresses.update');
  const busy = add.busy || update.busy;

  const save = async () => {
    const local = checkAddressForm(form.values);
    form.setIssues(local);
    setIssues(local);
    if (local.length) return;
    const input = addressInput(form.values);
    const r = address ? await update.run({ id: address.id, address: input }) : await add.run({ relationId, address: input });
    if (r.ok) {
      onClose();
      return;
    }
    const server = (r.error.body.issues ?? []).map((i) => ({ ...i, field: fieldKey(i.field) }));
    form.setIssues(server);
    setIssues(server);
  };

  return (
    <Modal opened onClose={onClose} title={address ? t('addresses.modal.editTitle') : t('addresses.modal.addTitle')} size="60rem">
      <Stack>
        <IssueSummary issues={issues} />
        {issues.length === 0 && <ErrorAlert error={add.error ?? update.error} />}
        <AddressFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="save-address">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
