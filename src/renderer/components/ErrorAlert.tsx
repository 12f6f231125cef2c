import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../rpc/client';
import { errorText } from '../lib/issues';
import { IssueSummary } from './IssueSummary';

/** Shows a failed call in Dutch: field issues as a list, anything else as one sentence. */
export function ErrorAlert({ error, labelFor }: { error: RpcError | null; labelFor?: (path: string) => string }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error.body.issues?.length) return <IssueSummary issues={error.body.issues} labelFor={labelFor} />;
  return (
    <Alert color="red" role="alert" data-testid="error-alert">
      {errorText(t, error.body)}
    </Alert>
  );
}
