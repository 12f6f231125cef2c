import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../../shared/contract';
import classes from './RelationsTable.module.css';

interface Props {
  row: RelationSummary | undefined;
  index: number;
  style: CSSProperties;
  onOpen: (id: string) => void;
}

/** One list row; while its page is loading it shows a quiet placeholder of the same height. */
export function RelationRow({ row, index, style, onOpen }: Props) {
  const { t } = useTranslation();
  const cls = `${classes.grid} ${classes.row}`;
  if (!row) {
    return (
      <div className={cls} style={style} role="row" aria-rowindex={index + 2} data-testid="relation-row-loading">
        <div className={`${classes.cell} ${classes.placeholder}`}>…</div>
      </div>
    );
  }
  const open = () => onOpen(row.id);
  return (
    <div
      className={cls}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => e.key === 'Enter' && open()}
      data-testid="relation-row"
      data-number={row.number}
      data-index={index}
    >
      <div className={`${classes.cell} ${classes.number}`} role="cell">
        {row.number}
      </div>
      <div className={classes.cell} role="cell" title={row.displayName}>
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
