import { Stack, Title } from '@mantine/core';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { RelationList } from './RelationList';

/** The list behind an overview number or a chart point: the very condition and moment that counted it. */
export function FigureListPage({ title, condition, moment }: { title: string; condition: Condition; moment: EvaluationMoment }) {
  return (
    <Stack gap="sm">
      <Title order={3} data-testid="list-title">
        {title}
      </Title>
      <RelationList condition={condition} moment={moment} />
    </Stack>
  );
}
