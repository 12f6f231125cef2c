import { type z } from 'zod';
import { KEEP_BOTH, MERGE_FIELDS, type mergeTake, type MergeResult } from '../../../shared/contract/dedupe';
import type { RelationFields } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { writeOrPreview } from '../audit/operation-writer';
import { statement } from '../db/statement-cache';
import type { CoreContext } from '../context';
import { relationDetail } from '../relations/relation-detail';
import { updateRelation } from '../relations/relations.repo';
import { joinPeriods, moveReferences, remainingReferences, type MoveContext, type MovePolicy } from './move-references';

type Take = z.infer<typeof mergeTake>;
type MergeField = (typeof MERGE_FIELDS)[number];

const PERSON_ONLY = new Set<MergeField>(['initials', 'firstName', 'infix', 'lastName', 'exactName', 'gender', 'addressForm', 'birthDate', 'deathDate']);
const ORGANISATION_ONLY = new Set<MergeField>(['name', 'legalForm', 'kvkNumber', 'emailDomain']);

const shown = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return v ? 'ja' : null;
  return String(v);
};

/**
 * Tables whose rows cannot simply be re-pointed. Everything else (addresses, subscriptions,
 * exceptions, memberships, redirects, and tables added later) moves by the generic rule.
 */
function policies(take: Record<string, Take>): Record<string, MovePolicy> {
  return {
    relation_tags: {
      before(m) {
        const dup = statement(m.sqlite, `SELECT t.* FROM relation_tags t WHERE t.relation_id = ? AND t.tag_id IN (SELECT tag_id FROM relation_tags WHERE relation_id = ?)`)
          .all(m.removeId, m.keepId) as { id: string; tag_id: string }[];
        for (const r of dup) {
          m.before.push({ table: 'relation_tags', row: r });
          statement(m.sqlite, 'DELETE FROM relation_tags WHERE id = ?').run(r.id);
          m.collisions.push({ table: 'relation_tags', kind: 'FOLDED', recordId: r.id, detail: r.tag_id });
        }
      },
    },
    custom_values: {
      // Both have a value for the field: the user's pick (custom.<code>) decides, default the survivor's.
      before(m) {
        const both = statement(m.sqlite, 
            `SELECT r.id AS rid, k.id AS kid, r.value AS rv, k.value AS kv, f.code, f.label FROM custom_values r
               JOIN custom_values k ON k.field_id = r.field_id AND k.relation_id = @keep
               JOIN custom_fields f ON f.id = r.field_id WHERE r.relation_id = @remove`,
          )
          .all({ keep: m.keepId, remove: m.removeId }) as { rid: string; kid: string; rv: string; kv: string; code: string; label: string }[];
        for (const c of both) {
          const takeRemoved = take[`custom.${c.code}`] === 'remove';
          m.before.push({ table: 'custom_values', row: statement(m.sqlite, 'SELECT * FROM custom_values WHERE id = ?').get(c.rid) as Record<string, unknown> });
          if (takeRemoved && c.rv !== c.kv) {
            m.before.push({ table: 'custom_values', row: statement(m.sqlite, 'SELECT * FROM custom_values WHERE id = ?').get(c.kid) as Record<string, unknown> });
            statement(m.sqlite, 'UPDATE custom_values SET value = ? WHERE id = ?').run(c.rv, c.kid);
          }
          statement(m.sqlite, 'DELETE FROM custom_values WHERE id = ?').run(c.rid);
          m.collisions.push({
            table: 'custom_values',
            kind: c.rv === c.kv ? 'FOLDED' : takeRemoved ? 'VALUE_TAKEN' : 'VALUE_KEPT',
            recordId: c.kid,
            detail: `${c.label}: ${takeRemoved ? c.rv : c.kv} (${takeRemoved ? c.kv : c.rv})`,
            field: `custom.${c.code}`,
          });
        }
      },
    },
    duplicate_dismissals: {
      before(m) {
        // "Not a duplicate of each other" ends with the merge; "not a duplicate of C" held by both is one fact.
        const rows = statement(m.sqlite, 
            `SELECT * FROM duplicate_dismissals d WHERE (relation_a_id = @remove OR relation_b_id = @remove) AND (
               relation_a_id = @keep OR relation_b_id = @keep
               OR EXISTS (SELECT 1 FROM duplicate_dismissals k WHERE (k.relation_a_id = @keep OR k.relation_b_id = @keep)
                 AND (CASE WHEN k.relation_a_id = @keep THEN k.relation_b_id ELSE k.relation_a_id END)
                   = (CASE WHEN d.relation_a_id = @remove THEN d.relation_b_id ELSE d.relation_a_id END)))`,
          )
          .all({ keep: m.keepId, remove: m.removeId }) as { id: string }[];
        for (const r of rows) {
          m.before.push({ table: 'duplicate_dismissals', row: r });
          statement(m.sqlite, 'DELETE FROM duplicate_dismissals WHERE id = ?').run(r.id);
          m.collisions.push({ table: 'duplicate_dismissals', kind: 'FOLDED', recordId: r.id, detail: '' });
        }
      },
      after(m) {
        // Keep the smaller id first, as the unique key expects.
        statement(m.sqlite, `UPDATE duplicate_dismissals SET relation_a_id = relation_b_id, relation_b_id = relation_a_id WHERE relation_a_id > relation_b_id AND (relation_a_id = @keep OR relation_b_id = @keep)`)
          .run({ keep: m.keepId });
      },
    },
    relation_links: {
      after(m) {
        const self = statement(m.sqlite, 'SELECT * FROM relation_links WHERE from_relation_id = @keep AND to_relation_id = @keep').all({ keep: m.keepId }) as { id: string }[];
        for (const r of self) {
          m.before.push({ table: 'relation_links', row: r });
          statement(m.sqlite, 'DELETE FROM relation_links WHERE id = ?').run(r.id);
          m.collisions.push({ table: 'relation_links', kind: 'SELF_LINK_REMOVED', recordId: r.id, detail: '' });
        }
        joinPeriods(m, 'relation_links', 'from_relation_id = @keep OR to_relation_id = @keep', ['link_type_id', 'from_relation_id', 'to_relation_id', 'function'], 'notes');
      },
    },
    group_members: {
      after: (m) => joinPeriods(m, 'group_members', 'relation_id = @keep', ['group_id', 'role_id', 'mode'], 'notes'),
    },
    subscriptions: {
      // Two running subscriptions of one kind may be a real double (a magazine sent twice) or
      // intended (two copies): both are kept, and the overlap is shown so the user decides.
      after(m) {
        const rows = statement(
          m.sqlite,
          `SELECT a.id, t.name, a.start_date AS af, a.end_date AS at, b.start_date AS bf, b.end_date AS bt FROM subscriptions a
             JOIN subscriptions b ON b.relation_id = a.relation_id AND b.type_id = a.type_id AND b.id > a.id
             JOIN subscription_types t ON t.id = a.type_id
            WHERE a.relation_id = @keep AND (a.end_date IS NULL OR a.end_date > b.start_date) AND (b.end_date IS NULL OR b.end_date > a.start_date)`,
        ).all({ keep: m.keepId }) as { id: string; name: string; af: string; at: string | null; bf: string; bt: string | null }[];
        for (const r of rows) m.collisions.push({ table: 'subscriptions', kind: 'OVERLAP_KEPT', recordId: r.id, detail: `${r.name}: ${r.af}–${r.at ?? '…'} / ${r.bf}–${r.bt ?? '…'}` });
      },
    },
    relation_type_assignments: {
      after: (m) => joinPeriods(m, 'relation_type_assignments', 'relation_id = @keep', ['type_id']),
    },
  };
}

function checkTake(kind: 'person' | 'organisation', take: Record<string, Take>): void {
  const issues = Object.entries(take).flatMap(([field, t]) => {
    if (field.startsWith('custom.')) return t === 'both' ? [{ field: `take.${field}`, code: 'MERGE_CANNOT_KEEP_BOTH' }] : [];
    if (!(MERGE_FIELDS as readonly string[]).includes(field)) return [{ field: `take.${field}`, code: 'MERGE_FIELD_UNKNOWN' }];
    const f = field as MergeField;
    if ((kind === 'person' && ORGANISATION_ONLY.has(f)) || (kind === 'organisation' && PERSON_ONLY.has(f))) return [{ field: `take.${field}`, code: 'MERGE_FIELD_UNKNOWN' }];
    if (t === 'both' && !KEEP_BOTH[f]) return [{ field: `take.${field}`, code: 'MERGE_CANNOT_KEEP_BOTH' }];
    return [];
  });
  if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues);
}

/** The survivor's fields after the user's picks; blanks on the survivor are filled from the other. */
function mergeFields(kind: 'person' | 'organisation', keep: RelationFields, remove: RelationFields, take: Record<string, Take>) {
  const merged: Record<string, unknown> = { ...keep };
  const takes = new Map<MergeField, Take>();
  const fields = MERGE_FIELDS.filter((f) => !((kind === 'person' && ORGANISATION_ONLY.has(f)) || (kind === 'organisation' && PERSON_ONLY.has(f))));
  for (const f of fields) {
    const kv = keep[f];
    const rv = remove[f];
    const t: Take = take[f] ?? (shown(kv) === null && shown(rv) !== null ? 'remove' : 'keep');
    takes.set(f, t);
    if (t === 'remove') merged[f] = rv;
  }
  // "Keep both" after the plain picks, so the second value lands in a field already decided.
  for (const f of fields) {
    if (takes.get(f) !== 'both') continue;
    const kv = keep[f];
    const rv = remove[f];
    const second = KEEP_BOTH[f] as keyof RelationFields;
    if (f === 'notes') merged[f] = [kv, rv].filter((x) => shown(x) !== null).join('\n\n') || null;
    else if (shown(rv) !== null && rv !== kv) {
      if (shown(merged[second]) !== null && merged[second] !== rv) {
        throw new DomainError('VALIDATION_FAILED', undefined, [{ field: `take.${f}`, code: 'MERGE_NO_ROOM_FOR_SECOND_VALUE', details: { second } }]);
      }
      merged[second] = rv;
    }
  }
  const choices: MergeResult['fields'] = fields.flatMap((f) =>
    shown(keep[f]) === null && shown(remove[f]) === null && shown(merged[f]) === null
      ? []
      : [{ field: f, keep: shown(keep[f]), remove: shown(remove[f]), chosen: shown(merged[f]), take: takes.get(f) as Take }],
  );
  return { merged: merged as RelationFields, choices };
}

const side = (d: { id: string; number: number; displayName: string; kind: 'person' | 'organisation' }) => ({ id: d.id, number: d.number, displayName: d.displayName, kind: d.kind });

/**
 * Folds `removeId` into `keepId` in one audited operation: the survivor takes the picked
 * fields, every row that references the removed relation moves (discovered from the schema),
 * collisions are resolved and reported, memberships are recomputed, and the old id and number
 * redirect to the survivor. The operation's summary holds what an undo needs: both relations
 * as they were, every moved row id per table, and every row a policy changed or dropped.
 */
export function mergeRelations(ctx: CoreContext, input: { keepId: string; removeId: string; take: Record<string, Take>; dryRun: boolean }): MergeResult {
  const { keepId, removeId, take } = input;
  if (keepId === removeId) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'removeId', code: 'MERGE_SAME_RELATION' }]);
  const { saved, result } = writeOrPreview(ctx.write, input.dryRun, 'dedupe.merge', { keepId, removeId }, (op) => {
    const keep = relationDetail(ctx, keepId);
    const remove = relationDetail(ctx, removeId);
    if (keep.kind !== remove.kind) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'removeId', code: 'MERGE_KIND_DIFFERS' }]);
    if (keep.deletedAt !== null || remove.deletedAt !== null) {
      throw new DomainError('VALIDATION_FAILED', undefined, [{ field: keep.deletedAt !== null ? 'keepId' : 'removeId', code: 'MERGE_RELATION_IN_TRASH' }]);
    }
    checkTake(keep.kind, take);
    const rowOf = (id: string) => statement(ctx.sqlite, 'SELECT * FROM relations WHERE id = ?').get(id) as Record<string, unknown>;
    const keepRowBefore = rowOf(keepId);
    const removedRow = rowOf(removeId);
    const { merged, choices } = mergeFields(keep.kind, keep.fields, remove.fields, take);
    updateRelation(ctx, keepId, merged);

    const m: MoveContext = { sqlite: ctx.sqlite, keepId, removeId, collisions: [], before: [] };
    const moved = moveReferences(m, policies(take));
    const left = remainingReferences(ctx.sqlite, removeId);
    if (left.length) throw new DomainError('CONFLICT', { entity: 'merge', reason: 'MERGE_ROWS_LEFT', tables: left.map((l) => l.table).join(', ') });
    statement(ctx.sqlite, 'INSERT INTO relation_redirects (id, old_relation_id, old_number, relation_id, operation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ctx.newId(), removeId, remove.number, keepId, op.id, ctx.now());
    statement(ctx.sqlite, 'DELETE FROM relations WHERE id = ?').run(removeId);
    op.changed('relations.changed', { ids: [keepId, removeId] });

    const after = statement(ctx.sqlite, 'SELECT display_name AS displayName FROM relations WHERE id = ?').get(keepId) as { displayName: string };
    const summary = {
      // History names both: the survivor as it is now, the removed one as it was.
      keep: { ...side(keep), displayName: after.displayName },
      removed: side(remove),
      // For the generic undo (audit/undo-operation.ts): it replays the audit log, then writes
      // these full images back, timestamps included, which the audit log does not keep.
      undo: { rows: [{ table: 'relations', row: keepRowBefore }, { table: 'relations', row: removedRow }, ...m.before], moved },
    };
    statement(ctx.sqlite, 'UPDATE operations SET summary = ? WHERE id = ?').run(JSON.stringify(summary), op.id);
    return {
      operationId: op.id,
      // As the user knew them before the merge (the survivor may take the other's name).
      keep: side(keep),
      removed: side(remove),
      fields: choices,
      moved: moved.map((x) => ({ table: x.table, column: x.column, rows: x.ids.length })),
      collisions: m.collisions.map((c) => ({ ...c, field: c.field ?? null })),
    };
  });
  return { saved, ...result, operationId: saved ? result.operationId : null };
}

export function assertRelationExists(ctx: CoreContext, id: string): void {
  if (!statement(ctx.sqlite, 'SELECT 1 FROM relations WHERE id = ?').get(id)) throw notFound('relation', id);
}
