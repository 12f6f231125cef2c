import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../rpc/client';
import { membershipErrorText, membershipIssueText } from './membership-errors';

/** A failed call of this feature in Dutch: field issues as a list, anything else as one sentence. */
export function MembershipsError({ error }: { error: RpcError | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error.body.issues ?? [];
  if (issues.length === 0) {
    return (
      <Alert color="red" role="alert" data-testid="error-alert">
        {membershipErrorText(t, error.body)}
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title={t('errors.code.VALIDATION_FAILED')} data-testid="issue-summary">
      <List size="sm">
        {issues.map((issue) => (
          <List.Item key={`${issue.field}:${issue.code}`}>{membershipIssueText(t, issue)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
