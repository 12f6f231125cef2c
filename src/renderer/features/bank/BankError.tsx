import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../rpc/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A refused statement or match in Dutch, naming what is wrong; anything else as usual. */
export function BankError({ error }: { error: RpcError | null }) {
  const { t } = useTranslation();
  const details = error?.body.details ?? {};
  const reason = typeof details['reason'] === 'string' ? details['reason'] : null;
  const text = reason ? t(`bank.reason.${reason}`, { ...details, defaultValue: '', interpolation: { escapeValue: false } }) : '';
  if (text) {
    return (
      <Alert color="red" role="alert" data-testid="bank-error">
        {text}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
