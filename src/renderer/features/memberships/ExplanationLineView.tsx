import { Group, Stack, Text } from '@mantine/core';
import type { ExplainLine } from './explanation-text';

/** One node of the explanation with ✓ or ✗, its children indented below it. */
export function ExplanationLineView({ line }: { line: ExplainLine }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="explain-line" data-holds={line.holds}>
        <Text size="sm" fw={700} c={line.holds ? 'teal.7' : 'red.7'} aria-hidden>
          {line.holds ? '✓' : '✗'}
        </Text>
        <Text size="sm">{line.text}</Text>
      </Group>
      {line.children.length > 0 && (
        <Stack gap={2} pl="lg" ml={4} style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
          {line.children.map((c, i) => (
            <ExplanationLineView key={i} line={c} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
