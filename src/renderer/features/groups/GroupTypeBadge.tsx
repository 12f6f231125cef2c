import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupType } from '../../../shared/contract';
import { GROUP_TYPE_COLOR } from './group-types';

export function GroupTypeBadge({ type, size = 'sm' }: { type: GroupType; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="light" color={GROUP_TYPE_COLOR[type]} data-testid="group-type">
      {t(`groups.type.${type}`)}
    </Badge>
  );
}
