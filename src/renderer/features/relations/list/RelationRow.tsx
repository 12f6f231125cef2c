import type { CSSProperties, MouseEvent } from 'react';
import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../../shared/contract';
import classes from './RelationsTable.module.css';

interface Props {
  row: RelationSummary | undefined;
  index: number;
  style: CSSProperties;
  onOpen: (id: string) => void;
  selected: boolean;
  onSelect: (index: number, mods: { shift: boolean; toggle: boolean }) => void;
}

/** One list row; while its page is loading it shows a quiet placeholder of the same height. */
export function RelationRow({ row, index, style, onOpen, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const cls = `${classes.grid} ${classes.row}${selected ? ` ${classes.selected}` : ''}`;
  if (!row) {
    return (
      <div className={cls} style={style} role="row" aria-rowindex={index + 2} data-testid="relation-row-loading">
        <div />
        <div className={`${classes.cell} ${classes.placeholder}`}>…</div>
      </div>
    );
  }
  const open = () => onOpen(row.id);
  // Ctrl/⌘- and Shift-click select, as in the other lists; a plain click opens the relation.
  const click = (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) onSelect(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
    else open();
  };
  return (
    <div
      className={cls}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      onClick={click}
      onKeyDown={(e) => e.key === 'Enter' && open()}
      data-testid="relation-row"
      data-number={row.number}
      data-index={index}
      data-selected={selected || undefined}
      aria-selected={selected}
    >
      <div
        className={`${classes.cell} ${classes.check}`}
        role="cell"
        onClick={(e) => {
          e.stopPropagation();
          onSelect(index, { shift: e.shiftKey, toggle: !e.shiftKey });
        }}
      >
        <Checkbox size="xs" checked={selected} readOnly aria-label={row.displayName} tabIndex={-1} data-testid="relation-select" />
      </div>
      <div className={`${classes.cell} ${classes.number}`} role="cell">
        {row.number}
      </div>
      <div className={classes.cell} role="cell" title={row.displayName} data-testid="relation-row-name">
        {row.displayName || t('relations.common.noName')}
      </div>
      <div className={classes.cell} role="cell">
        {row.street}
      </div>
      <div className={classes.cell} role="cell">
        {row.postcode}
      </div>
      <div className={classes.cell} role="cell">
        {row.city}
      </div>
      <div className={classes.cell} role="cell" title={row.email ?? undefined}>
        {row.email}
      </div>
      <div className={classes.cell} role="cell">
        {row.phone}
      </div>
      <div className={classes.cell} role="cell" title={row.types.join(', ')}>
        {row.types.join(', ')}
      </div>
    </div>
  );
}
