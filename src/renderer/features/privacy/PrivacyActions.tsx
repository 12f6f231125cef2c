import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationDetail } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadFile } from '../io/common/file-bytes';
import { AnonymiseModal } from './AnonymiseModal';
import { currentDocumentLabels } from './document-labels';

/** On the relation card: the AVG export (zip with JSON and a Word document) and anonymising. */
export function PrivacyActions({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const exporter = useMutation('privacy.export');
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          loading={exporter.busy}
          data-testid="privacy-export"
          onClick={() => void exporter.run({ relationId: detail.id, labels: currentDocumentLabels() }).then((r) => r.ok && downloadFile(r.value))}
        >
          {t('privacy.card.export')}
        </Button>
        <Button variant="subtle" color="red" size="xs" data-testid="privacy-anonymise" onClick={() => setConfirming(true)}>
          {t('privacy.card.anonymise')}
        </Button>
      </Group>
      <ErrorAlert error={exporter.error} />
      <AnonymiseModal opened={confirming} relationIds={[detail.id]} name={detail.displayName} onClose={() => setConfirming(false)} onDone={() => setConfirming(false)} />
    </>
  );
}
