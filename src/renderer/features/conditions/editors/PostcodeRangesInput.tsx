import { ActionIcon, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { numberOrUndefined } from './editor-props';

type Range = { from: number; to: number };

interface Props {
  value: Range[];
  onChange: (ranges: Range[]) => void;
}

/** "Postcode 3511 t/m 3513" on the four digits; several ranges are alternatives. */
export function PostcodeRangesInput({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Range>) => onChange(value.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4}>
      {value.map((range, index) => (
        <Group key={index} gap="xs" wrap="nowrap">
          <NumberInput
            size="sm"
            w={100}
            min={1000}
            max={9999}
            allowDecimal={false}
            hideControls
            value={range.from || ''}
            onChange={(v) => {
              const from = numberOrUndefined(v) ?? 0;
              // One postcode area is the common case: the end follows the start until set.
              set(index, range.to === 0 || range.to === range.from ? { from, to: from } : { from });
            }}
            aria-label={t('conditions.atom.postcodeFrom')}
            placeholder="3511"
            data-testid="atom-postcode-from"
          />
          <Text size="sm">{t('conditions.atom.through')}</Text>
          <NumberInput
            size="sm"
            w={100}
            min={1000}
            max={9999}
            allowDecimal={false}
            hideControls
            value={range.to || ''}
            onChange={(v) => set(index, { to: numberOrUndefined(v) ?? 0 })}
            aria-label={t('conditions.atom.postcodeTo')}
            placeholder="3513"
            data-testid="atom-postcode-to"
          />
          {value.length > 1 && (
            <ActionIcon variant="subtle" color="gray" onClick={() => onChange(value.filter((_, i) => i !== index))} aria-label={t('conditions.atom.removeRange')}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => onChange([...value, { from: 0, to: 0 }])}>
        {t('conditions.atom.addRange')}
      </Button>
    </Stack>
  );
}
