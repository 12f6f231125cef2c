import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../shared/contract';
import { asGroup } from './condition-model';
import { ConditionGroup } from './ConditionGroup';

type WithNested = Extract<Condition, { type: 'link' | 'duration' }>;

interface Props {
  value: WithNested;
  depth: number;
  onChange: (next: Condition) => void;
}

/**
 * The conditions inside a row, across the row's full width: what the linked relation must
 * meet (optional), or what must have held without a break for a duration.
 */
export function NestedConditions({ value, depth, onChange }: Props) {
  const { t } = useTranslation();
  const indent = { paddingLeft: 'var(--mantine-spacing-md)', borderLeft: '2px solid var(--mantine-color-default-border)' };
  if (value.type === 'duration') {
    return (
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('conditions.duration.itemLabel')}
        </Text>
        <div style={indent}>
          <ConditionGroup value={asGroup(value.item)} onChange={(item) => onChange({ ...value, item })} depth={depth + 1} />
        </div>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Checkbox
        size="xs"
        label={t('conditions.atom.targetToggle')}
        checked={value.target !== undefined}
        onChange={(e) => onChange({ ...value, target: e.currentTarget.checked ? { type: 'and', items: [] } : undefined })}
        data-testid="atom-link-target-toggle"
      />
      {value.target !== undefined && (
        <div style={indent}>
          <ConditionGroup value={asGroup(value.target)} onChange={(target) => onChange({ ...value, target })} depth={depth + 1} />
        </div>
      )}
    </Stack>
  );
}
