import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../shared/contract';
import classes from './SearchResultItem.module.css';

interface Props {
  row: RelationSummary;
  active: boolean;
  id: string;
  onPick: () => void;
  onHover: () => void;
}

/*
 * Plain elements styled by the module's classes (with Mantine's variables), not Mantine
 * components: twenty of these mount on every keystroke, and this is the hot path from
 * typing to seeing the answer.
 */
export function SearchResultItem({ row, active, id, onPick, onHover }: Props) {
  const { t } = useTranslation();
  const place = [row.street, row.city].filter(Boolean).join(', ');
  const detail = [place, row.email].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      id={id}
      role="option"
      aria-selected={active}
      data-active={active || undefined}
      className={classes.item}
      onClick={onPick}
      onMouseMove={onHover}
      tabIndex={-1}
      data-testid="search-result"
    >
      <span className={classes.main}>
        <span className={classes.title}>
          <span className={classes.name}>{row.displayName || t('relations.common.noName')}</span>
          <span className={classes.badge} data-kind={row.kind}>
            {t(`relations.kind.${row.kind}`)}
          </span>
        </span>
        {detail && <span className={classes.detail}>{detail}</span>}
      </span>
      <span className={classes.number}>{t('relations.common.numberShort', { number: row.number })}</span>
    </button>
  );
}
