import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../rpc/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Contribution refusals (a run with problems, an undo that may not) in Dutch; anything else as usual. */
export function ContributionsError({ error }: { error: RpcError | null }) {
  const { t } = useTranslation();
  const reason = typeof error?.body.details?.['reason'] === 'string' ? error.body.details['reason'] : null;
  const text = reason ? t(`contributions.reason.${reason}`, { defaultValue: '' }) : '';
  if (text) {
    return (
      <Alert color="red" role="alert" data-testid="contributions-error">
        {text}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
