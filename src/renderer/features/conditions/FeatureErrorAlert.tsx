import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../rpc/client';
import { featureErrorText, featureIssueText } from './feature-errors';

/** ErrorAlert for groups, selections and conditions: also knows this feature's own codes. */
export function FeatureErrorAlert({ error }: { error: RpcError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error.body.issues ?? [];
  if (issues.length) {
    return (
      <Alert color="red" title={t('errors.code.VALIDATION_FAILED')} role="alert" data-testid="issue-summary">
        <List size="sm">
          {issues.map((issue) => (
            <List.Item key={`${issue.field}:${issue.code}`}>{featureIssueText(t, issue)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" data-testid="error-alert">
      {featureErrorText(t, error.body)}
    </Alert>
  );
}
