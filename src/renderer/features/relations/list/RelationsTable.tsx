import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { RelationPages } from './useRelationPages';
import type { ListSelection } from '../../lists/useListSelection';
import { RelationRow } from './RelationRow';
import { SortHeader } from './SortHeader';
import classes from './RelationsTable.module.css';

export const ROW_HEIGHT = 36;

export type SortKey = 'name' | 'number' | 'updated';

interface Props {
  pages: RelationPages;
  sort: SortKey;
  descending: boolean;
  onSort: (sort: SortKey) => void;
  onOpen: (id: string) => void;
  /** Changes with every sort or filter: the list then starts at the top again. */
  resetKey: string;
  /** The shared list selection: the checkbox, Ctrl/⌘-click and Shift-click select; a plain click opens. */
  selection: ListSelection;
}

/** A virtualised grid: only the rows in view (plus a small overscan) exist in the DOM. */
export function RelationsTable({ pages, sort, descending, onSort, onOpen, resetKey, selection }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = pages;

  useEffect(() => ensure(first, last), [ensure, first, last]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const header = (key: SortKey, label: string) => (
    <SortHeader label={label} active={sort === key} descending={descending} onClick={() => onSort(key)} testId={`sort-${key}`} />
  );

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      role="table"
      aria-label={t('relations.list.tableLabel')}
      aria-rowcount={count + 1}
      data-testid="relations-scroller"
    >
      <div className={`${classes.grid} ${classes.header}`} role="row" aria-rowindex={1}>
        <div className={classes.headerCell} role="columnheader" aria-label={t('lists.selectColumn')} />
        {header('number', t('relations.list.col.number'))}
        {header('name', t('relations.list.col.name'))}
        <div className={classes.headerCell} role="columnheader">{t('relations.list.col.street')}</div>
        <div className={classes.headerCell} role="columnheader">{t('relations.list.col.postcode')}</div>
        <div className={classes.headerCell} role="columnheader">{t('relations.list.col.city')}</div>
        <div className={classes.headerCell} role="columnheader">{t('relations.list.col.email')}</div>
        <div className={classes.headerCell} role="columnheader">{t('relations.list.col.phone')}</div>
        <div className={classes.headerCell} role="columnheader">{t('relations.list.col.types')}</div>
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 1072 }} role="rowgroup">
        {items.map((item) => (
          <RelationRow
            key={item.key}
            index={item.index}
            row={pages.row(item.index)}
            style={{ transform: `translateY(${item.start}px)` }}
            onOpen={onOpen}
            selected={(() => {
              const id = pages.row(item.index)?.id;
              return id !== undefined && selection.isSelected(id);
            })()}
            onSelect={selection.click}
          />
        ))}
      </div>
    </div>
  );
}
