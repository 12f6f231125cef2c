import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../rpc/client';
import { ioErrorText, ioIssueText } from './io-errors';

/** ErrorAlert for import, export and merge: also knows this feature's own codes. */
export function IoErrorAlert({ error }: { error: RpcError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error.body.issues ?? [];
  if (issues.length) {
    return (
      <Alert color="red" title={t('errors.code.VALIDATION_FAILED')} role="alert" data-testid="io-error">
        <List size="sm">
          {issues.map((issue, i) => (
            <List.Item key={`${issue.field}:${issue.code}:${i}`}>{ioIssueText(t, issue)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const cancelled = error.body.details?.['reason'] === 'CANCELLED';
  return (
    <Alert color={cancelled ? 'yellow' : 'red'} role="alert" data-testid="io-error">
      {ioErrorText(t, error.body)}
    </Alert>
  );
}
