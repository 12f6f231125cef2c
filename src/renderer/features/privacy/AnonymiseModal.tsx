import { useState } from 'react';
import { Checkbox, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMutation } from '../../rpc/useQuery';

interface Props {
  opened: boolean;
  relationIds: string[];
  /** The one relation's name, or null for several. */
  name: string | null;
  onClose: () => void;
  onDone: (count: number) => void;
}

/** The one confirmation before anonymising: says what goes and what stays, and asks for a tick first. */
export function AnonymiseModal({ opened, relationIds, name, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const anonymise = useMutation('privacy.anonymise');
  const close = () => {
    setUnderstood(false);
    anonymise.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      title={name ? t('privacy.anonymise.title', { name }) : t('privacy.retention.confirmTitle', { count: relationIds.length })}
      message={t('privacy.anonymise.message', { name: name ?? t('privacy.anonymise.these') })}
      confirmLabel={t('privacy.anonymise.confirm')}
      danger
      busy={anonymise.busy}
      onClose={close}
      onConfirm={() => {
        if (!understood) return;
        void anonymise.run({ relationIds }).then((r) => {
          if (!r.ok) return;
          setUnderstood(false);
          onDone(r.value.anonymised.length);
        });
      }}
    >
      <Text size="sm" c="dimmed">
        {t('privacy.anonymise.tip')}
      </Text>
      <Checkbox checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} label={t('privacy.anonymise.check')} data-testid="anonymise-understood" />
      <ErrorAlert error={anonymise.error} />
    </ConfirmModal>
  );
}
