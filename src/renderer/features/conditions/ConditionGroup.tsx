import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builder-context';
import { allowedChoices, newAtom, removeItem, replaceItem, type GroupCondition } from './condition-model';
import { ConditionRow } from './ConditionRow';

interface Props {
  value: GroupCondition;
  onChange: (next: GroupCondition) => void;
  /** 0 for the root; nested groups are indented and say "alle"/"een van" more briefly. */
  depth: number;
}

/** A list of rows joined by EN or OF, with buttons to add a row or a nested group. */
export function ConditionGroup({ value, onChange, depth }: Props) {
  const { t } = useTranslation();
  const { exclude } = useBuilder();
  const first = allowedChoices(exclude).find((c) => c !== 'group') ?? 'alive';
  const prefix = depth === 0 ? 'conditions.builder' : 'conditions.builder.nested';
  return (
    <Stack gap="xs" data-testid="condition-group" data-depth={depth}>
      <SegmentedControl
        size="xs"
        w="fit-content"
        value={value.type}
        onChange={(v) => onChange({ ...value, type: v === 'or' ? 'or' : 'and' })}
        data={[
          { value: 'and', label: t(`${prefix}.all`) },
          { value: 'or', label: t(`${prefix}.any`) },
        ]}
        aria-label={t('conditions.builder.join')}
        data-testid="condition-join"
      />
      {value.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(depth === 0 ? 'conditions.builder.empty' : 'conditions.builder.nested.empty')}
        </Text>
      )}
      {value.items.map((item, index) => (
        <ConditionRow
          // Rows have no identity of their own; the position is stable while editing.
          key={index}
          value={item}
          depth={depth}
          onChange={(next) => onChange(replaceItem(value, index, next))}
          onRemove={() => onChange(removeItem(value, index))}
        />
      ))}
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => onChange({ ...value, items: [...value.items, newAtom(first)] })} data-testid="add-condition">
          {t('conditions.builder.addCondition')}
        </Button>
        {!exclude.includes('and') && (
          <Button size="xs" variant="subtle" onClick={() => onChange({ ...value, items: [...value.items, newAtom('group')] })} data-testid="add-condition-group">
            {t('conditions.builder.addGroup')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
