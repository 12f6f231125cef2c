import { useEffect, useRef } from 'react';
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../shared/errors';
import { issueText } from '../lib/issues';

interface Props {
  issues: FieldIssue[];
  labelFor?: (path: string) => string;
}

/** "Controleer de invoer" with one line per problem, each naming its field. */
export function IssueSummary({ issues, labelFor }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const key = issues.map((i) => `${i.field}:${i.code}`).join('|');
  // In a long (scrolled) dialog the summary must come into view when it changes.
  useEffect(() => {
    if (key) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [key]);
  if (issues.length === 0) return null;
  return (
    // scroll-margin keeps it clear of a sticky modal header when scrolled into view.
    <Alert ref={ref} color="red" title={t('errors.code.VALIDATION_FAILED')} role="alert" data-testid="issue-summary" style={{ scrollMarginTop: 80 }}>
      <List size="sm">
        {issues.map((issue) => (
          <List.Item key={`${issue.field}:${issue.code}`}>{issueText(t, issue, labelFor)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
