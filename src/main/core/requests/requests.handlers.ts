import { and, eq, ne } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import {
  importOptions,
  REQUEST_FIELDS,
  type RequestDetailDto,
  type RequestField,
  type RequestSummaryDto,
  type requestsContract,
} from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { changeRequests } from '../db/schema';
import { suggestMapping } from '../io/import/header-match';
import { normaliseRow, type MappedColumn } from '../io/import/normalise';
import type { Target } from '../io/import/targets';
import type { ImportRecord } from '../io/import/import-record';
import { resolveListSource } from '../io/records/list-source';
import { writeZip } from '../io/zip-writer';
import { putBlob, sha256 } from '../blobs/blob-store';
import { readRequestSource, type RawRequest } from './request-sources';
import { matchRequest } from './request-match';
import { applyValues, currentValues, type FieldValues } from './request-fields';
import { buildChangeForm } from './request-form';
import { relationDetail } from '../relations/relation-detail';
import { ensureSystemTask } from '../tasks/system-tasks';

type Row = typeof changeRequests.$inferSelect;
interface StoredChange {
  field: RequestField;
  original: string | null;
  submitted: string | null;
}

const FIELD_SET = new Set<string>(REQUEST_FIELDS);
const NORMALISE_OPTIONS = importOptions.parse({ invalidValues: 'skipField', emptyCells: 'keep' });

/** A normalised import record → the request fields it fills (absent: not in the form). */
function valuesOf(rec: ImportRecord): FieldValues {
  const out: FieldValues = {};
  for (const [k, v] of Object.entries({ ...rec.fields, ...rec.address })) {
    if (FIELD_SET.has(k) && v !== undefined) out[k as RequestField] = v === null ? null : String(v);
  }
  return out;
}

function normalise(ctx: CoreContext, raw: RawRequest): ImportRecord {
  const targets = suggestMapping(raw.headers, []);
  const columns: MappedColumn[] = targets.flatMap((t, column): MappedColumn[] => (t ? [{ column, header: raw.headers[column] ?? '', target: t as Target }] : []));
  return normaliseRow(
    { row: raw.position, cells: raw.cells },
    { today: ctx.today(), infixes: ctx.reference.infixes, pc4: ctx.reference.pc4, customFields: new Map(), options: NORMALISE_OPTIONS, columns },
  );
}

function personName(v: FieldValues): string | null {
  return [v.firstName ?? v.initials, v.infix, v.lastName].filter(Boolean).join(' ') || null;
}

/**
 * Turns a file's requests into pile rows: normalised like an import, matched, only the
 * differences kept. Runs inside the caller's operation (the loader, the demo).
 */
export function storeRequests(
  ctx: CoreContext,
  src: { kind: RequestSummaryDto['sourceKind']; requests: RawRequest[]; fileName: string; hash: string; bytes: Uint8Array },
): { created: string[]; issues: { row: number; field: string | null; code: string }[] } {
  const relationInfo = ctx.sqlite.prepare('SELECT number, display_name AS name FROM relations WHERE id = ?');
  const blobId = putBlob(ctx, src.bytes);
  const created: string[] = [];
  const issues: { row: number; field: string | null; code: string }[] = [];
  const now = ctx.now();
  const fileName = src.fileName;
  for (const raw of src.requests) {
    const rec = normalise(ctx, raw);
    for (const i of rec.issues) issues.push({ row: raw.position, field: i.field, code: i.code });
    const values = valuesOf(rec);
    const email = values.email ?? raw.senderEmail;
    const match = matchRequest(ctx, { number: rec.number, email, name: personName(values), values });
    const base = match ? currentValues(ctx, match.relationId) : null;
    const changes: StoredChange[] = [];
    for (const field of REQUEST_FIELDS) {
      if (!(field in values)) continue;
      const submitted = values[field] ?? null;
      const original = raw.originals && field in raw.originals ? (raw.originals[field] ?? null) : (base?.[field] ?? null);
      if (submitted !== original) changes.push({ field, original, submitted });
    }
    if (changes.length === 0) {
      issues.push({ row: raw.position, field: null, code: match ? 'REQUEST_NO_CHANGES' : 'REQUEST_EMPTY' });
      continue;
    }
    if (!match) issues.push({ row: raw.position, field: null, code: 'REQUEST_UNMATCHED' });
    const id = ctx.newId();
    const who = match ? (relationInfo.get(match.relationId) as { number: number; name: string }) : null;
    const name = who ? `${who.name} (${who.number})` : (personName(values) ?? email ?? `rij ${raw.position}`);
    ctx.db
      .insert(changeRequests)
      .values({
        id,
        title: `Wijzigingsverzoek ${name} uit ${fileName}`,
        sourceKind: src.kind,
        sourceName: fileName,
        sourceKey: `${src.hash}:${raw.position}`,
        sourceBlobId: blobId,
        requestedOn: raw.requestedOn ?? ctx.today(),
        relationId: match?.relationId ?? null,
        matchedBy: match?.by ?? null,
        submittedNumber: rec.number,
        submittedEmail: email ?? null,
        submittedName: personName(values),
        changes: JSON.stringify(changes),
        needsMandateProof: changes.some((c) => c.field === 'iban'),
        createdAt: now,
        updatedAt: now,
      })
      .run();
    created.push(id);
  }
  return { created, issues };
}

export function requestsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof requestsContract> {
  const relationInfo = ctx.sqlite.prepare('SELECT number, display_name AS name FROM relations WHERE id = ?');
  const getRow = (id: string): Row => {
    const row = ctx.db.select().from(changeRequests).where(eq(changeRequests.id, id)).get();
    if (!row) throw notFound('changeRequest', id);
    return row;
  };
  const summary = (r: Row): RequestSummaryDto => {
    const rel = r.relationId ? (relationInfo.get(r.relationId) as { number: number; name: string } | undefined) : undefined;
    return {
      id: r.id,
      title: r.title,
      sourceKind: r.sourceKind,
      sourceName: r.sourceName,
      requestedOn: r.requestedOn,
      status: r.status,
      relationId: r.relationId,
      relationNumber: rel?.number ?? null,
      relationName: rel?.name ?? null,
      matchedBy: r.matchedBy,
      submittedNumber: r.submittedNumber,
      submittedEmail: r.submittedEmail,
      submittedName: r.submittedName,
      fieldCount: (JSON.parse(r.changes) as StoredChange[]).length,
      needsMandateProof: r.needsMandateProof,
      reason: r.reason,
    };
  };
  const detail = (id: string): RequestDetailDto => {
    const r = getRow(id);
    const current = r.relationId ? currentValues(ctx, r.relationId) : null;
    const decision = r.decision ? (JSON.parse(r.decision) as Record<string, string | null>) : null;
    const changes = JSON.parse(r.changes) as StoredChange[];
    const others = r.relationId
      ? ctx.db
          .select()
          .from(changeRequests)
          .where(and(eq(changeRequests.relationId, r.relationId), eq(changeRequests.status, 'open'), ne(changeRequests.id, r.id)))
          .all()
      : [];
    return {
      ...summary(r),
      decidedAt: r.decidedAt,
      otherOpen: others.map(summary),
      fields: changes.map((c) => ({
        field: c.field,
        original: c.original,
        submitted: c.submitted,
        current: current ? current[c.field] : null,
        stale: current !== null && r.status === 'open' && current[c.field] !== c.original,
        ...(decision ? { applied: decision[c.field] ?? null } : {}),
      })),
    };
  };
  const assertOpen = (r: Row) => {
    if (r.status !== 'open') throw new DomainError('CONFLICT', { reason: 'REQUEST_DECIDED', status: r.status });
  };

  return {
    'requests.load': async ({ file, fileName }) => {
      const bytes = Buffer.from(file, 'base64');
      const hash = sha256(bytes);
      const source = await readRequestSource(bytes, fileName);
      const issues = [...source.issues];
      const exists = ctx.sqlite.prepare('SELECT 1 FROM change_requests WHERE source_key = ?');
      let alreadyLoaded = 0;
      const fresh: RawRequest[] = [];
      for (const raw of source.requests) {
        if (exists.get(`${hash}:${raw.position}`)) alreadyLoaded++;
        else fresh.push(raw);
      }
      if (fresh.length === 0) return { created: [], alreadyLoaded, issues };
      return ctx.write('requests.load', { fileName, hash }, (op) => {
        const stored = storeRequests(ctx, { kind: source.kind, requests: fresh, fileName, hash, bytes });
        op.changed('requests.changed', { ids: stored.created });
        return { created: stored.created, alreadyLoaded, issues: [...issues, ...stored.issues] };
      });
    },
    'requests.list': ({ status, relationId }) => {
      const where = [];
      if (status) where.push(eq(changeRequests.status, status));
      if (relationId) where.push(eq(changeRequests.relationId, relationId));
      const rows = ctx.db
        .select()
        .from(changeRequests)
        .where(where.length ? and(...where) : undefined)
        .orderBy(changeRequests.requestedOn, changeRequests.createdAt)
        .all();
      return { rows: rows.map(summary) };
    },
    'requests.get': ({ id }) => detail(id),
    'requests.assign': ({ id, relationId }) =>
      ctx.write('requests.assign', { id }, (op) => {
        const r = getRow(id);
        assertOpen(r);
        if (!relationInfo.get(relationId)) throw notFound('relation', relationId);
        ctx.db.update(changeRequests).set({ relationId, matchedBy: null, updatedAt: ctx.now() }).where(eq(changeRequests.id, id)).run();
        op.changed('requests.changed', { ids: [id] });
        return detail(id);
      }),
    'requests.approve': ({ id, fields, moveDate }) => {
      const r = getRow(id);
      return ctx.write('requests.approve', { id, title: r.title }, (op) => {
        assertOpen(r);
        if (!r.relationId) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'relationId', code: 'REQUEST_UNMATCHED' }]);
        const changes = JSON.parse(r.changes) as StoredChange[];
        const requested = new Set(changes.map((c) => c.field));
        const chosen: FieldValues = {};
        for (const f of fields ?? changes.map((c) => ({ field: c.field, value: c.submitted }))) {
          if (!requested.has(f.field)) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: f.field, code: 'REQUEST_FIELD_UNKNOWN' }]);
          chosen[f.field] = f.value === null || f.value.trim() === '' ? null : f.value.trim();
        }
        if (Object.keys(chosen).length === 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'fields', code: 'REQUEST_NOTHING_CHOSEN' }]);
        applyValues(ctx, r.relationId, chosen, moveDate ?? ctx.today());
        // What was stored after normalisation, so the pile shows what the card now says.
        const after = currentValues(ctx, r.relationId);
        const decision = Object.fromEntries(changes.map((c) => [c.field, c.field in chosen ? after[c.field] : null]));
        ctx.db
          .update(changeRequests)
          .set({ status: 'approved', decision: JSON.stringify(decision), decidedAt: ctx.now(), updatedAt: ctx.now() })
          .where(eq(changeRequests.id, id))
          .run();
        if (r.needsMandateProof && 'iban' in chosen) {
          // SEPA mandates do not exist in the app yet: the new IBAN is flagged as needing proof.
          ensureSystemTask(ctx, {
            systemKey: `mandate-proof:${id}`,
            title: 'Machtiging nodig voor nieuw rekeningnummer',
            notes: `Het IBAN is gewijzigd via "${r.title}". Vraag een ondertekende machtiging (of het Overstapservice-bericht) en bewaar die.`,
            relationId: r.relationId,
            dueDate: ctx.today(),
          });
        }
        op.changed('relations.changed', { ids: [r.relationId] });
        op.changed('requests.changed', { ids: [id] });
        return detail(id);
      });
    },
    'requests.reject': ({ id, reason }) => {
      const r = getRow(id);
      return ctx.write('requests.reject', { id, title: r.title }, (op) => {
        assertOpen(r);
        ctx.db
          .update(changeRequests)
          .set({ status: 'rejected', reason, decidedAt: ctx.now(), updatedAt: ctx.now() })
          .where(eq(changeRequests.id, id))
          .run();
        op.changed('requests.changed', { ids: [id] });
        return detail(id);
      });
    },
    'requests.form': async ({ source }) => {
      const ids = resolveListSource(ctx, source, ctx.today());
      if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'source', code: 'LIST_EMPTY' }]);
      const files: { name: string; data: Uint8Array }[] = [];
      for (const rid of ids) {
        const info = relationInfo.get(rid) as { number: number; name: string };
        const pdf = await buildChangeForm({ number: info.number, displayName: info.name, salutation: relationDetail(ctx, rid).salutation.formal, values: currentValues(ctx, rid) }, 'Ledenadministratie');
        files.push({ name: `wijzigingsformulier-${info.number}.pdf`, data: pdf });
      }
      const only = files.length === 1 ? files[0] : undefined;
      if (only) return { fileName: only.name, mimeType: 'application/pdf', bytes: Buffer.from(only.data).toString('base64') };
      return { fileName: 'wijzigingsformulieren.zip', mimeType: 'application/zip', bytes: Buffer.from(writeZip(files, { compress: true })).toString('base64') };
    },
  };
}
