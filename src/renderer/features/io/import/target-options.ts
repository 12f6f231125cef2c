import type { TFunction } from 'i18next';
import type { Output } from '../../../../shared/contract';

export type ImportTargetRow = Output<'io.importTargets'>['rows'][number];

/** The value the target select uses for "ignore this column" (a Select value cannot be null and listed). */
export const IGNORE = '__ignore';

/** Targets grouped as the user thinks of them: general, person, organisation, own fields. */
export function targetSelectData(t: TFunction, rows: ImportTargetRow[]) {
  const group = (label: string, items: ImportTargetRow[]) => ({ group: label, items: items.map((r) => ({ value: r.key, label: r.label })) });
  const custom = rows.filter((r) => r.key.startsWith('custom:'));
  const builtin = rows.filter((r) => !r.key.startsWith('custom:'));
  return [
    { group: t('io.mapping.groupNone'), items: [{ value: IGNORE, label: t('io.mapping.ignore') }] },
    group(t('io.mapping.groupBoth'), builtin.filter((r) => r.kind === 'both')),
    group(t('io.mapping.groupPerson'), builtin.filter((r) => r.kind === 'person')),
    group(t('io.mapping.groupOrganisation'), builtin.filter((r) => r.kind === 'organisation')),
    group(t('io.mapping.groupCustom'), custom),
  ].filter((g) => g.items.length > 0);
}

/** 0 → 'A', 26 → 'AA': how spreadsheet users name a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
