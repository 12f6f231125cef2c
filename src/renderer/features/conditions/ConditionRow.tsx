import { ActionIcon, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../shared/contract';
import { choiceOf, isGroup, newAtom, rowProblem, toggleNot } from './condition-model';
import { ChoiceSelect } from './ChoiceSelect';
import { AtomEditor } from './AtomEditor';
import { ConditionGroup } from './ConditionGroup';
import { NestedConditions } from './NestedConditions';

interface Props {
  value: Condition;
  depth: number;
  onChange: (next: Condition) => void;
  onRemove: () => void;
}

/** One row: NIET, what is tested (in plain Dutch), its values, and a remove button. */
export function ConditionRow({ value, depth, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const negated = value.type === 'not';
  const inner = value.type === 'not' ? value.item : value;
  const setInner = (next: Condition) => onChange(negated ? { type: 'not', item: next } : next);
  const problem = rowProblem(value);
  return (
    <Paper withBorder p="xs" data-testid="condition-row" data-choice={choiceOf(value)} bg={negated ? 'var(--mantine-color-red-light)' : undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Chip
            size="xs"
            color="red"
            variant="outline"
            checked={negated}
            onChange={() => onChange(toggleNot(value))}
            title={t('conditions.builder.notHint')}
            mt={6}
            data-testid="condition-not"
          >
            {t('conditions.builder.not')}
          </Chip>
          <ChoiceSelect value={choiceOf(inner)} onChange={(choice) => setInner(newAtom(choice))} />
          <div style={{ flex: 1, minWidth: 0 }}>{!isGroup(inner) && <AtomEditor value={inner} onChange={setInner} />}</div>
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('conditions.builder.remove')} mt={4} data-testid="remove-condition">
            ×
          </ActionIcon>
        </Group>
        {isGroup(inner) && (
          <div style={{ paddingLeft: 'var(--mantine-spacing-lg)' }}>
            <ConditionGroup value={inner} onChange={setInner} depth={depth + 1} />
          </div>
        )}
        {(inner.type === 'link' || inner.type === 'duration') && <NestedConditions value={inner} depth={depth} onChange={setInner} />}
        {problem && (
          <Text size="xs" c="red" data-testid="condition-problem">
            {t(`conditions.problem.${problem}`, { defaultValue: t('conditions.problem.CHOOSE_VALUE') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
