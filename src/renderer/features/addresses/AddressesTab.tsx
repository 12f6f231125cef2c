import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddressDto, RelationDetail } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddressItem } from './AddressItem';
import { AddressModal } from './AddressModal';
import { MoveModal } from './MoveModal';

type Dialog = { kind: 'add' } | { kind: 'edit'; address: AddressDto } | { kind: 'move' } | { kind: 'remove'; address: AddressDto } | null;

/** Current addresses first, then the newest history. */
function ordered(addresses: AddressDto[]): AddressDto[] {
  return [...addresses].sort(
    (a, b) => Number(b.current) - Number(a.current) || (b.validFrom ?? '').localeCompare(a.validFrom ?? ''),
  );
}

export function AddressesTab({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useMutation('addresses.remove');
  const current = detail.addresses.find((a) => a.current && a.type === 'home') ?? detail.addresses.find((a) => a.current);

  return (
    <Stack maw={900} data-testid="addresses-tab">
      <Group gap="sm">
        <Button onClick={() => setDialog({ kind: 'add' })} data-testid="add-address">
          {t('addresses.tab.add')}
        </Button>
        <Button variant="light" onClick={() => setDialog({ kind: 'move' })} data-testid="move-address">
          {t('addresses.tab.move')}
        </Button>
      </Group>
      <ErrorAlert error={remove.error} />
      {detail.addresses.length === 0 && <Text c="dimmed">{t('addresses.tab.none')}</Text>}
      {ordered(detail.addresses).map((a) => (
        <AddressItem
          key={a.id}
          address={a}
          onEdit={() => setDialog({ kind: 'edit', address: a })}
          onRemove={() => setDialog({ kind: 'remove', address: a })}
        />
      ))}
      {dialog?.kind === 'add' && <AddressModal relationId={detail.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <AddressModal relationId={detail.id} address={dialog.address} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'move' && <MoveModal relationId={detail.id} current={current} onClose={() => setDialog(null)} />}
      <ConfirmModal
        opened={dialog?.kind === 'remove'}
        title={t('addresses.remove.title')}
        message={dialog?.kind === 'remove' ? t('addresses.remove.message', { address: dialog.address.lines.join(', ') }) : ''}
        confirmLabel={t('common.remove')}
        danger
        busy={remove.busy}
        onClose={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind !== 'remove') return;
          void remove.run({ id: dialog.address.id }).then(() => setDialog(null));
        }}
      />
    </Stack>
  );
}
