import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../rpc/client';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  title: string;
  label: string;
  initial?: string;
  busy?: boolean;
  error?: RpcError | null;
  onSave: (name: string) => void;
  onClose: () => void;
}

/** One-field dialog for naming or renaming (tags, relation types). */
export function NameModal({ title, label, initial = '', busy, error, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack>
        <ErrorAlert error={error ?? null} />
        <TextInput
          label={label}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && name.trim() && onSave(name.trim())}
          data-autofocus
          data-field="name"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => onSave(name.trim())} disabled={!name.trim()} loading={busy} data-testid="save-name">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
