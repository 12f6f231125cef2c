import type { FieldIssue } from '../../../shared/errors';
import { relationDateIssues, type Condition, type CustomFieldDto } from '../../../shared/contract';
import { directReferences } from '../conditions/condition-references';
import { canonicalCustomValue } from '../classification/classification.repo';
import type { SectionName } from './json-format';
import { userTable } from './user-tables';

type Kind = 'person' | 'organisation';
type Scope = Kind | 'both';
type Rec = Record<string, unknown>;

/** Sections a record refers to (from the schema's foreign keys); its reference checks wait until those are read completely. */
export function dependsOn(section: SectionName): string[] {
  return [...new Set(userTable(section).references.map((r) => r.target))];
}

const fits = (scope: Scope, kind: Kind) => scope === 'both' || scope === kind;

/**
 * Cross-record rules of an import, in two steps per record: `register` (unique ids, numbers,
 * codes and pairs; needs nothing else) and `references` (every id points at a record of the
 * right section and kind; runs once the sections it depends on are complete).
 * Every problem becomes a FieldIssue named `section[index].field`.
 */
export class ImportChecks {
  readonly issues: FieldIssue[] = [];
  private readonly ids = new Map<SectionName, Set<string>>();
  private readonly kinds = new Map<string, Kind>();
  private readonly numbers = new Set<number>();
  private readonly codes = new Map<SectionName, Set<string>>();
  private readonly pairs = new Map<SectionName, Set<string>>();
  private readonly typeScopes = new Map<string, Scope>();
  private readonly linkKinds = new Map<string, { fromKind: Scope; toKind: Scope }>();
  private readonly fields = new Map<string, CustomFieldDto>();
  /** Edges of the graphs that must stay free of loops: tag and group trees, unit placements, condition references. */
  private readonly edges: Edge[] = [];
  /** Groups, selections, units and tags the conditions refer to (and subscription recipients), checked once every section is read. */
  private readonly conditionRefs: { section: SectionName; index: number; field: string; target: SectionName; id: string }[] = [];

  /** `today` for the rules that need a date (no birth after today). */
  constructor(private readonly today: string) {}

  issue(section: SectionName, index: number, field: string, code: string, details?: Record<string, string | number>): void {
    const name = `${section}[${index}]${field ? `.${field}` : ''}`;
    this.issues.push({ field: name, code, details: { section, index, field, ...details } });
  }

  private unique(set: Map<SectionName, Set<string>>, section: SectionName, key: string): boolean {
    let s = set.get(section);
    if (!s) set.set(section, (s = new Set()));
    if (s.has(key)) return false;
    s.add(key);
    return true;
  }

  register(section: SectionName, index: number, r: Rec): void {
    const id = r['id'] as string;
    if (!this.unique(this.ids, section, id)) this.issue(section, index, 'id', 'DUPLICATE_ID', { id });
    if ('code' in r && !this.unique(this.codes, section, r['code'] as string)) this.issue(section, index, 'code', 'CODE_TAKEN');
    switch (section) {
      case 'relations': {
        const number = r['number'] as number;
        if (this.numbers.has(number)) this.issue(section, index, 'number', 'NUMBER_TAKEN', { number });
        this.numbers.add(number);
        this.kinds.set(id, r['kind'] as Kind);
        for (const i of relationDateIssues(r, this.today)) this.issue(section, index, i.field, i.code);
        break;
      }
      case 'relationTypes':
        this.typeScopes.set(id, r['appliesTo'] as Scope);
        break;
      case 'linkTypes':
        this.linkKinds.set(id, { fromKind: r['fromKind'] as Scope, toKind: r['toKind'] as Scope });
        break;
      case 'customFields':
        this.fields.set(id, r as unknown as CustomFieldDto);
        break;
      case 'tags':
      case 'groups':
        if (r['parentId']) this.edges.push({ graph: section, from: id, to: r['parentId'] as string, section, index, field: 'parentId', code: section === 'tags' ? 'TAG_CYCLE' : 'GROUP_TREE_CYCLE' });
        break;
      case 'unitPlacements':
        if (r['parentId']) this.edges.push({ graph: 'units', from: r['unitId'] as string, to: r['parentId'] as string, section, index, field: 'parentId', code: 'UNIT_TREE_CYCLE' });
        break;
      case 'customValues':
      case 'relationTags': {
        const other = section === 'customValues' ? 'fieldId' : 'tagId';
        if (!this.unique(this.pairs, section, `${String(r['relationId'])}\u0000${String(r[other])}`)) {
          this.issue(section, index, other, 'DUPLICATE_PAIR');
        }
        break;
      }
      default:
        break;
    }
    for (const field of CONDITION_COLUMNS.get(section) ?? []) if (typeof r[field] === 'string') this.condition(section, index, id, field, r[field]);
    // Who receives a subscription for its subscriber: relations of the file.
    if (section === 'subscriptions' && typeof r['recipients'] === 'string') {
      for (const rid of JSON.parse(r['recipients']) as string[]) this.conditionRefs.push({ section, index, field: 'recipients', target: 'relations', id: rid });
    }
  }

  /** A condition (already checked against the contract) refers to records that must exist, and groups and selections may not refer back to themselves. */
  private condition(section: SectionName, index: number, id: string, field: string, json: string): void {
    const c = JSON.parse(json) as Condition;
    const self = section === 'groups' ? `group:${id}` : section === 'selections' ? `selection:${id}` : null;
    for (const ref of directReferences(c)) {
      const [kind, target] = ref.split(':') as ['group' | 'selection' | 'unit', string];
      this.conditionRefs.push({ section, index, field, target: kind === 'group' ? 'groups' : kind === 'selection' ? 'selections' : 'units', id: target });
      if (self && kind !== 'unit') this.edges.push({ graph: 'conditions', from: self, to: ref, section, index, field, code: 'CONDITION_CYCLE' });
    }
    for (const tag of tagIds(c)) this.conditionRefs.push({ section, index, field, target: 'tags', id: tag });
  }

  private known(section: SectionName, index: number, field: string, target: SectionName, id: unknown): boolean {
    if (typeof id === 'string' && this.ids.get(target)?.has(id)) return true;
    this.issue(section, index, field, 'REFERENCE_UNKNOWN', { target, id: String(id) });
    return false;
  }

  /** Reference and kind checks; may normalise the record (a custom value to its canonical text). Returns whether it is fine. */
  references(section: SectionName, index: number, r: Rec): boolean {
    const before = this.issues.length;
    const relation = (field: string) => (this.known(section, index, field, 'relations', r[field]) ? (this.kinds.get(r[field] as string) as Kind) : null);
    switch (section) {
      case 'addresses':
        relation('relationId');
        break;
      case 'relationTypeAssignments': {
        const kind = relation('relationId');
        if (this.known(section, index, 'typeId', 'relationTypes', r['typeId']) && kind && !fits(this.typeScopes.get(r['typeId'] as string) as Scope, kind)) {
          this.issue(section, index, 'typeId', 'TYPE_KIND_MISMATCH');
        }
        break;
      }
      case 'relationLinks': {
        const from = relation('fromRelationId');
        const to = relation('toRelationId');
        const type = this.known(section, index, 'linkTypeId', 'linkTypes', r['linkTypeId']) ? this.linkKinds.get(r['linkTypeId'] as string) : null;
        if (type && from && to && (!fits(type.fromKind, from) || !fits(type.toKind, to))) this.issue(section, index, 'linkTypeId', 'LINK_KIND_MISMATCH');
        break;
      }
      case 'customValues':
        this.customValue(index, r, relation('relationId'));
        break;
      case 'tags':
        if (r['parentId'] !== null) this.known(section, index, 'parentId', 'tags', r['parentId']);
        break;
      case 'relationTags':
        relation('relationId');
        this.known(section, index, 'tagId', 'tags', r['tagId']);
        break;
      case 'relations':
        break;
      default:
        // Sections without hand-written rules: every single-column foreign key must resolve.
        for (const { column, target } of userTable(section).references) {
          if (r[column] !== null && r[column] !== undefined) this.known(section, index, column, target, r[column]);
        }
    }
    return this.issues.length === before;
  }

  private customValue(index: number, r: Rec, kind: Kind | null): void {
    if (!this.known('customValues', index, 'fieldId', 'customFields', r['fieldId'])) return;
    const field = this.fields.get(r['fieldId'] as string) as CustomFieldDto;
    if (kind && !fits(field.appliesTo, kind)) this.issue('customValues', index, 'fieldId', 'CUSTOM_FIELD_KIND_MISMATCH');
    const canonical = canonicalCustomValue(field, r['value'] as string);
    if ('issue' in canonical) this.issue('customValues', index, 'value', canonical.issue.code);
    else r['value'] = canonical.value;
  }

  /**
   * Once every section is read: conditions refer to existing records, and the tag and group
   * trees, the unit tree (over all its placements, at any time, as units.move demands) and
   * the references between groups and selections have no loops. One issue per loop, at the
   * record that closes it.
   */
  finish(): void {
    for (const r of this.conditionRefs) {
      if (!this.ids.get(r.target)?.has(r.id)) this.issue(r.section, r.index, r.field, 'REFERENCE_UNKNOWN', { target: r.target, id: r.id });
    }
    const graphs = new Map<string, Edge[]>();
    for (const e of this.edges) graphs.set(e.graph, [...(graphs.get(e.graph) ?? []), e]);
    for (const edges of graphs.values()) {
      const next = new Map<string, string[]>();
      for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
      const inLoop = new Set<string>();
      for (const e of edges) {
        if (inLoop.has(e.from)) continue;
        const path = pathBetween(next, e.to, e.from);
        if (!path) continue;
        for (const n of path) inLoop.add(n);
        this.issue(e.section, e.index, e.field, e.code);
      }
    }
  }
}

interface Edge {
  graph: string;
  from: string;
  to: string;
  section: SectionName;
  index: number;
  field: string;
  code: string;
}

/** The columns holding a condition, per section. */
const CONDITION_COLUMNS = new Map<SectionName, string[]>([
  ['groups', ['condition']],
  ['selections', ['condition']],
  ['membershipTypes', ['baseCondition']],
  ['unitRules', ['condition']],
]);

/** A path from → … → to through `next`, or null. */
function pathBetween(next: Map<string, string[]>, from: string, to: string): string[] | null {
  const before = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const n = queue.shift() as string;
    if (n === to) {
      const path: string[] = [];
      for (let p: string | null = n; p !== null; p = before.get(p) ?? null) path.push(p);
      return path;
    }
    for (const m of next.get(n) ?? []) {
      if (!before.has(m)) {
        before.set(m, n);
        queue.push(m);
      }
    }
  }
  return null;
}

function tagIds(c: Condition): string[] {
  switch (c.type) {
    case 'and':
    case 'or':
      return c.items.flatMap(tagIds);
    case 'not':
    case 'duration':
      return tagIds(c.item);
    case 'link':
      return c.target ? tagIds(c.target) : [];
    case 'tag':
      return c.tagIds;
    default:
      return [];
  }
}
