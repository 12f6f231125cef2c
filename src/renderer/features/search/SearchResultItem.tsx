import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../shared/contract';
import classes from './SearchResultItem.module.css';

interface Props {
  row: RelationSummary;
  active: boolean;
  id: string;
  onPick: () => void;
  onHover: () => void;
}

export function SearchResultItem({ row, active, id, onPick, onHover }: Props) {
  const { t } = useTranslation();
  const place = [row.street, row.city].filter(Boolean).join(', ');
  return (
    <UnstyledButton
      id={id}
      role="option"
      aria-selected={active}
      data-active={active || undefined}
      className={classes.item}
      onClick={onPick}
      onMouseMove={onHover}
      tabIndex={-1}
      data-testid="search-result"
    >
      <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
        <Stack gap={0} miw={0}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate>
              {row.displayName || t('relations.common.noName')}
            </Text>
            <Badge size="xs" variant="light" color={row.kind === 'person' ? 'teal' : 'indigo'}>
              {t(`relations.kind.${row.kind}`)}
            </Badge>
          </Group>
          {(place || row.email) && (
            <Text size="sm" c="dimmed" truncate>
              {[place, row.email].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
        <Text size="sm" c="dimmed" ff="monospace">
          {t('relations.common.numberShort', { number: row.number })}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
