import { Alert, Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { pairReasons } from '../../dedupe/reason-text';

interface Props {
  rows: Output<'relations.findSimilar'>['rows'];
  onOpen: (id: string) => void;
}

export function SimilarWarning({ rows, onOpen }: Props) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Alert color="yellow" title={t('relations.new.similarTitle')} data-testid="similar-warning">
      <List size="sm">
        {rows.map((r) => (
          <List.Item key={r.id}>
            <Anchor component="button" size="sm" onClick={() => onOpen(r.id)}>
              {r.displayName} ({t('relations.common.numberShort', { number: r.number })})
            </Anchor>
            {' — '}
            <span data-testid="similar-reasons">{pairReasons(t, r.fields)}</span>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
