import type { CoreContext } from '../context';
import { groupRoles, linkTypes, relationTypes } from '../db/schema';

/** What a new administration starts with; all of it can be renamed or extended by the user. */
const RELATION_TYPES = [
  { code: 'lid', name: 'Lid', appliesTo: 'both' },
  { code: 'donateur', name: 'Donateur', appliesTo: 'both' },
  { code: 'vrijwilliger', name: 'Vrijwilliger', appliesTo: 'person' },
  { code: 'medewerker', name: 'Medewerker', appliesTo: 'person' },
  { code: 'leverancier', name: 'Leverancier', appliesTo: 'organisation' },
  { code: 'gemeente', name: 'Gemeente', appliesTo: 'organisation' },
  { code: 'sponsor', name: 'Sponsor', appliesTo: 'both' },
] as const;

const LINK_TYPES = [
  { code: 'employment', name: 'werkt bij', reverseName: 'heeft als medewerker', fromKind: 'person', toKind: 'organisation', symmetric: false },
  { code: 'director', name: 'bestuurder van', reverseName: 'heeft als bestuurder', fromKind: 'person', toKind: 'organisation', symmetric: false },
  { code: 'contact', name: 'contactpersoon van', reverseName: 'heeft als contactpersoon', fromKind: 'person', toKind: 'organisation', symmetric: false },
  { code: 'partner', name: 'partner van', reverseName: 'partner van', fromKind: 'person', toKind: 'person', symmetric: true },
  { code: 'parent', name: 'ouder van', reverseName: 'kind van', fromKind: 'person', toKind: 'person', symmetric: false },
  { code: 'household', name: 'gezinslid van', reverseName: 'gezinslid van', fromKind: 'person', toKind: 'person', symmetric: true },
] as const;

const GROUP_ROLES = [
  { code: 'voorzitter', name: 'Voorzitter' },
  { code: 'vicevoorzitter', name: 'Vicevoorzitter' },
  { code: 'secretaris', name: 'Secretaris' },
  { code: 'penningmeester', name: 'Penningmeester' },
  { code: 'lid', name: 'Lid' },
] as const;

export function seedDefaults(ctx: CoreContext): void {
  seedGroupRoles(ctx);
  const has = ctx.sqlite.prepare('SELECT (SELECT count(*) FROM link_types) + (SELECT count(*) FROM relation_types) AS n').get() as { n: number };
  if (has.n > 0) return;
  ctx.write('setup.defaults', null, () => {
    RELATION_TYPES.forEach((t, position) =>
      ctx.db.insert(relationTypes).values({ id: ctx.newId(), ...t, position, createdAt: ctx.now() }).run(),
    );
    LINK_TYPES.forEach((t, position) =>
      ctx.db.insert(linkTypes).values({ id: ctx.newId(), ...t, position, createdAt: ctx.now() }).run(),
    );
  });
}

/** Separate from the rest: administrations created before groups existed get their roles on first open. */
function seedGroupRoles(ctx: CoreContext): void {
  const has = ctx.sqlite.prepare('SELECT count(*) AS n FROM group_roles').get() as { n: number };
  if (has.n > 0) return;
  ctx.write('setup.groupRoles', null, () => {
    GROUP_ROLES.forEach((r, position) => ctx.db.insert(groupRoles).values({ id: ctx.newId(), ...r, position, createdAt: ctx.now() }).run());
  });
}
