import type { TFunction } from 'i18next';
import type { Condition } from '../../../shared/contract';
import { showDate } from '../../lib/dates';
import { formatAmount } from '../../../shared/dutch/money';

/** Names for the codes and ids inside conditions; anything unknown is shown as is. */
export interface ConditionNames {
  subscriptionTypes?: Map<string, string>;
  membershipTypes?: Map<string, string>;
  relationTypes?: Map<string, string>;
  tags?: Map<string, string>;
  units?: Map<string, string>;
  linkTypes?: Map<string, string>;
}

export type AtomCondition = Exclude<Condition, { type: 'and' | 'or' | 'not' }>;

/** 'Utrecht', 'Utrecht of Zeist', 'Utrecht, Bunnik of Zeist'. */
export function joinWords(items: string[], last: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function named(map: Map<string, string> | undefined, keys: string[]): string[] {
  return keys.map((k) => map?.get(k) ?? k);
}

function addressText(t: TFunction, c: Extract<Condition, { type: 'address' }>): string {
  const or = t('memberships.atom.or');
  const parts: string[] = [];
  if (c.provinces) parts.push(t('memberships.atom.addressProvince', { names: joinWords(c.provinces, or) }));
  if (c.municipalities) parts.push(t('memberships.atom.addressMunicipality', { names: joinWords(c.municipalities, or) }));
  if (c.cities) parts.push(t('memberships.atom.addressCity', { names: joinWords(c.cities, or) }));
  if (c.postcodeRanges) {
    const ranges = c.postcodeRanges.map((r) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`));
    parts.push(t('memberships.atom.addressPostcode', { ranges: joinWords(ranges, or) }));
  }
  if (c.countries) parts.push(t('memberships.atom.addressCountry', { names: joinWords(c.countries, or) }));
  const text = parts.length ? parts.join(` ${t('memberships.atom.and')} `) : t('memberships.atom.addressAny');
  const types = c.addressTypes?.filter((x) => x !== 'home') ?? [];
  if (types.length === 0) return text;
  return `${text} (${joinWords(c.addressTypes?.map((x) => t(`addresses.type.${x}`)) ?? [], or)})`;
}

function ageText(t: TFunction, c: Extract<Condition, { type: 'age' }>): string {
  if (c.min !== undefined && c.max !== undefined) return t('memberships.atom.ageBetween', { min: c.min, max: c.max });
  return c.min !== undefined ? t('memberships.atom.ageMin', { min: c.min }) : t('memberships.atom.ageMax', { max: c.max });
}

function birthText(t: TFunction, c: Extract<Condition, { type: 'birthDate' }>): string {
  const from = showDate(c.from);
  const to = showDate(c.to);
  if (from && to) return t('memberships.atom.bornBetween', { from, to });
  return from ? t('memberships.atom.bornFrom', { from }) : t('memberships.atom.bornUntil', { to });
}

/** One atom in words: "Woont in provincie Utrecht", "Heeft abonnement Lidmaatschap". */
export function atomText(t: TFunction, c: AtomCondition, names: ConditionNames): string {
  const or = t('memberships.atom.or');
  switch (c.type) {
    case 'kind':
      return t(`memberships.atom.kind.${c.kind}`);
    case 'relationType':
      return t('memberships.atom.relationType', { names: joinWords(named(names.relationTypes, c.codes), or) });
    case 'age':
      return ageText(t, c);
    case 'birthDate':
      return birthText(t, c);
    case 'gender':
      return t('memberships.atom.gender', { values: joinWords(c.values.map((g) => t(`memberships.atom.genders.${g}`)), or) });
    case 'alive':
      return t('memberships.atom.alive');
    case 'address':
      return addressText(t, c);
    case 'groupMember':
      return c.roleCodes
        ? t('memberships.atom.groupMemberRole', { name: c.groupId, roles: joinWords(c.roleCodes, or) })
        : t('memberships.atom.groupMember', { name: c.groupId });
    case 'link': {
      const types = joinWords(named(names.linkTypes, c.linkTypeCodes), or);
      return c.target
        ? t('memberships.atom.linkTo', { types, target: conditionText(t, c.target, names) })
        : t('memberships.atom.link', { types });
    }
    case 'tag': {
      const text = t('memberships.atom.tag', { names: joinWords(named(names.tags, c.tagIds), or) });
      return c.includeDescendants ? `${text} ${t('memberships.atom.tagSubtree')}` : text;
    }
    case 'customField':
      return t('memberships.atom.customField', { code: c.code, op: t(`memberships.atom.ops.${c.op}`), value: c.value ?? '' }).trim();
    case 'selection':
      return t('memberships.atom.selection', { name: c.selectionId });
    case 'duration':
      return t('memberships.atom.duration', { days: c.minDays ?? c.maxDays ?? 0, item: conditionText(t, c.item, names) });
    case 'subscription':
      return t('memberships.atom.subscription', { names: joinWords(named(names.subscriptionTypes, c.typeCodes), or) });
    case 'membership': {
      const types = joinWords(named(names.membershipTypes, c.typeCodes ?? []), or) || t('memberships.atom.anyType');
      return c.unitId
        ? t('memberships.atom.membershipOf', { types, unit: names.units?.get(c.unitId) ?? c.unitId })
        : t('memberships.atom.membership', { types });
    }
    case 'paymentMethod':
      return t('memberships.atom.paymentMethod', { methods: joinWords(c.methods.map((m) => t(`contributions.method.${m}`).toLowerCase()), or) });
    case 'openInvoices':
      return t('memberships.atom.openInvoices', { days: c.olderThanDays });
    case 'contributionAmount': {
      const amount = formatAmount;
      const range =
        c.minCents !== undefined && c.maxCents !== undefined
          ? t('memberships.atom.amountBetween', { min: amount(c.minCents), max: amount(c.maxCents) })
          : c.minCents !== undefined
            ? t('memberships.atom.amountMin', { min: amount(c.minCents) })
            : t('memberships.atom.amountMax', { max: amount(c.maxCents ?? 0) });
      return c.periodCode ? t('memberships.atom.contributionOf', { range, period: c.periodCode }) : t('memberships.atom.contribution', { range });
    }
    case 'birthday':
      return t('memberships.atom.birthday');
    case 'dataSignal':
      return t(`memberships.atom.signal.${c.signal}`);
  }
}

/** A whole condition on one line, for rule timelines and type lists. */
export function conditionText(t: TFunction, c: Condition | null, names: ConditionNames): string {
  if (!c) return t('memberships.atom.none');
  const nested = (x: Condition) => (x.type === 'and' || x.type === 'or') && x.items.length > 1 ? `(${conditionText(t, x, names)})` : conditionText(t, x, names);
  switch (c.type) {
    case 'and':
      return c.items.length ? c.items.map(nested).join(` ${t('memberships.atom.and')} `) : t('memberships.atom.none');
    case 'or':
      return c.items.length ? c.items.map(nested).join(` ${t('memberships.atom.or')} `) : t('memberships.atom.never');
    case 'not':
      return t('memberships.atom.not', { item: nested(c.item) });
    default:
      return atomText(t, c, names);
  }
}
