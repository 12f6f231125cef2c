import { useEffect, useState } from 'react';
import { Checkbox, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMutation } from '../../rpc/useQuery';
import type { Output } from '../../../shared/contract';

interface Props {
  opened: boolean;
  relationIds: string[];
  /** The one relation's name, or null for several. */
  name: string | null;
  onClose: () => void;
  onDone: (count: number) => void;
}

/**
 * The one confirmation before anonymising: says what goes and what stays, counted by a dry run
 * of the real operation, and asks for a tick first. The commit passes the dry run's basis, so
 * it is refused (nothing erased) when anything changed after the overview was shown.
 */
export function AnonymiseModal({ opened, relationIds, name, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const anonymise = useMutation('privacy.anonymise');
  const preview = useMutation('privacy.anonymise');
  const [shown, setShown] = useState<Output<'privacy.anonymise'> | null>(null);
  const refresh = () => void preview.run({ relationIds, dryRun: true }).then((r) => setShown(r.ok ? r.value : null));
  const key = relationIds.join(',');
  useEffect(() => {
    if (opened) refresh();
    // Once per opening and set of relations: `refresh` and `relationIds` are new on each render.
  }, [opened, key]);
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const close = () => {
    setUnderstood(false);
    anonymise.reset();
    preview.reset();
    setShown(null);
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      title={name ? t('privacy.anonymise.title', { name }) : t('privacy.retention.confirmTitle', { count: relationIds.length })}
      message={t('privacy.anonymise.message', { name: name ?? t('privacy.anonymise.these') })}
      confirmLabel={t('privacy.anonymise.confirm')}
      danger
      busy={anonymise.busy || preview.busy}
      onClose={close}
      onConfirm={() => {
        if (!understood || !shown) return;
        void anonymise.run({ relationIds, basis: shown.basis }).then((r) => {
          // Changed since the overview: nothing was erased; show the new overview beside the message.
          if (!r.ok) return void (r.error.body.details?.['reason'] === 'ANONYMISE_PREVIEW_STALE' && refresh());
          setUnderstood(false);
          onDone(r.value.anonymised.length);
        });
      }}
    >
      {shown && (
        <Text size="sm" data-testid="anonymise-preview">
          {t('privacy.anonymise.preview', { deleted: number(shown.deletedRecords), kept: number(shown.keptFinancial), history: number(shown.scrubbedAuditRows) })}
        </Text>
      )}
      <ErrorAlert error={preview.error} />
      <Text size="sm" c="dimmed">
        {t('privacy.anonymise.tip')}
      </Text>
      <Checkbox checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} label={t('privacy.anonymise.check')} data-testid="anonymise-understood" />
      <ErrorAlert error={anonymise.error} />
    </ConfirmModal>
  );
}
