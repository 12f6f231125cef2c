import { UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './RelationsTable.module.css';

interface Props {
  label: ReactNode;
  active: boolean;
  descending: boolean;
  onClick: () => void;
  testId: string;
}

export function SortHeader({ label, active, descending, onClick, testId }: Props) {
  const arrow = active ? (descending ? '▼' : '▲') : '';
  return (
    <div className={classes.headerCell} role="columnheader" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton className={classes.sortButton} onClick={onClick} data-testid={testId}>
        {label}
        <span aria-hidden>{arrow}</span>
      </UnstyledButton>
    </div>
  );
}
