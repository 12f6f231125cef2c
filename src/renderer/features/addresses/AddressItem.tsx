import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddressDto } from '../../../shared/contract';
import { usePeriodText } from '../../lib/usePeriodText';
import { todayIsoLocal } from '../../lib/dates';

interface Props {
  address: AddressDto;
  onEdit: () => void;
  onRemove: () => void;
}

export function AddressItem({ address, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const future = !address.current && address.validFrom !== null && address.validFrom > todayIsoLocal();
  const extra = [address.municipality, address.province].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="sm" data-testid="address-item" data-current={address.current || undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600}>{t(`addresses.type.${address.type}`)}</Text>
            {address.current && (
              <Badge color="teal" variant="light" data-testid="address-current">
                {t('addresses.item.current')}
              </Badge>
            )}
            {future && <Badge color="blue" variant="light">{t('addresses.item.future')}</Badge>}
            {!address.current && !future && <Badge color="gray" variant="light">{t('addresses.item.past')}</Badge>}
          </Group>
          {address.lines.map((line) => (
            <Text key={line} size="sm" style={{ whiteSpace: 'pre' }}>
              {line}
            </Text>
          ))}
          {extra && (
            <Text size="xs" c="dimmed">
              {extra}
            </Text>
          )}
          <Text size="xs" c="dimmed" data-testid="address-period">
            {period(address.validFrom, address.validTo) || t('addresses.item.always')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t('common.remove')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
