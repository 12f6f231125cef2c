import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { RelationDetail } from '../../../../shared/contract';

interface Props {
  detail: RelationDetail;
  onDelete: () => void;
  onRestore: () => void;
  /** More actions beside delete (the AVG export and anonymising). */
  actions?: ReactNode;
}

export function RelationHeader({ detail, onDelete, onRestore, actions }: Props) {
  const { t } = useTranslation();
  const deleted = detail.deletedAt !== null;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={4} miw={0}>
        <Group gap="sm" align="center">
          <Title order={2} data-testid="card-name">
            {detail.displayName || t('relations.common.noName')}
          </Title>
          <Badge variant="outline" color="gray" size="lg" tt="none" data-testid="card-number">
            {t('relations.common.numberShort', { number: detail.number })}
          </Badge>
          <Badge variant="light" color={detail.kind === 'person' ? 'teal' : 'indigo'}>
            {t(`relations.kind.${detail.kind}`)}
          </Badge>
          {deleted && <Badge color="red">{t('relations.card.inTrash')}</Badge>}
        </Group>
        <Group gap="lg">
          <Text size="sm" c="dimmed">
            {t('relations.card.formal')}: <Text span c="var(--mantine-color-text)">{detail.salutation.formal}</Text>
          </Text>
          <Text size="sm" c="dimmed">
            {t('relations.card.informal')}: <Text span c="var(--mantine-color-text)">{detail.salutation.informal}</Text>
          </Text>
        </Group>
      </Stack>
      {deleted ? (
        <Button onClick={onRestore} data-testid="restore-relation">
          {t('trash.restore')}
        </Button>
      ) : (
        <Stack gap="xs" align="flex-end">
          <Button variant="light" color="red" onClick={onDelete} data-testid="delete-relation">
            {t('relations.card.delete')}
          </Button>
          {actions}
        </Stack>
      )}
    </Group>
  );
}
