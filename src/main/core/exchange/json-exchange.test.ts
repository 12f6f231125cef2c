import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import type { Core } from '../create-core';
import { generateDemo } from '../demo/generate-demo';
import { DomainError } from '../../../shared/errors';
import { exportJson } from './json-export';
import { importJson } from './json-import';
import { exportColumns, sectionSchema, SECTION_NAMES } from './json-format';

const TODAY = '2026-11-22';
let dir: { dir: string; cleanup: () => void };
let source: Core;
let exported: string;
const cores: Core[] = [];
const file = (name: string) => path.join(dir.dir, name);
const open = (name: string) => {
  const c = createTestCore({ file: file(name) });
  cores.push(c);
  return c;
};

/**
 * Everything after the header lines: the data sections, compared byte for byte. Memberships
 * are recomputed on import, so theirs are new ids: compared without them.
 */
function dataSections(f: string): string {
  const text = fs.readFileSync(f, 'utf8');
  const data = text.slice(text.indexOf('\n  "relations": ['));
  const start = data.indexOf('\n  "memberships": [');
  const end = data.indexOf('\n  ]', start);
  return data.slice(0, start) + data.slice(start, end).replace(/\{"id":"[^"]*",/g, '{') + data.slice(end);
}

/** A picture of all user data and history, to prove a refused import changed nothing. */
function snapshot(c: Core) {
  const q = (sql: string) => c.ctx.sqlite.prepare(sql).pluck().get();
  return {
    relations: q('SELECT count(*) FROM relations'),
    types: q('SELECT group_concat(id) FROM (SELECT id FROM relation_types ORDER BY id)'),
    operations: q('SELECT count(*) FROM operations'),
    audit: q('SELECT count(*) FROM audit_log'),
    fts: q(`SELECT count(*) FROM relations_fts WHERE relations_fts MATCH '"a"*'`),
  };
}

function issuesOf(fn: () => unknown): { code: string; issues: DomainError['issues']; details: DomainError['details'] } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, issues: e.issues, details: e.details };
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** The export with one record edited: (section, index) → edited record. */
function edited(name: string, edit: (doc: Record<string, unknown[]>) => void): string {
  const doc = JSON.parse(fs.readFileSync(exported, 'utf8')) as Record<string, unknown[]>;
  edit(doc);
  fs.writeFileSync(file(name), JSON.stringify(doc));
  return file(name);
}

beforeAll(async () => {
  dir = tempDir();
  source = open('source.sqlite');
  generateDemo(source, { relations: 2600, seed: 'json', today: TODAY });
  // Sections beyond the relation tables travel too (schema-derived validation).
  const group = await source.call('groups.create', { name: 'Bestuur', type: 'board' });
  const roles = (await source.call('groupRoles.list', {})).rows;
  const someone = (await source.call('relations.list', { limit: 2, kind: 'person' })).rows;
  for (const [i, r] of someone.entries()) {
    await source.call('groups.addMember', { groupId: group.id, relationId: r.id, member: { roleId: roles[i]?.id, validFrom: '2020-01-01' } });
  }
  await source.call('relations.update', { id: someone[0]?.id ?? '', fields: { firstName: 'Zoë', lastName: 'Öztürk', socialLinks: ['https://example.nl/zoe'] } });
  // Rules, units, subscriptions (with recipients) and computed memberships travel too: the demo has them.
  const sub = (await source.call('subscriptionTypes.list', {})).rows[0];
  for (const r of someone) {
    await source.call('subscriptions.add', { relationId: r.id, subscription: { typeId: sub?.id ?? '', startDate: '2010-01-01', recipients: [someone[1]?.id ?? ''] } });
  }
  await source.call('selections.create', { name: 'Bestuursleden', condition: { type: 'groupMember', groupId: group.id } });
  // A mail with an attachment: the files the administration keeps travel too.
  const mail = ['From: Zoë Öztürk <zoe@example.nl>', 'Subject: Machtiging', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Zie bijlage.', '--b',
    'Content-Type: application/pdf; name="machtiging.pdf"', 'Content-Disposition: attachment; filename="machtiging.pdf"', 'Content-Transfer-Encoding: base64', '', Buffer.from('%PDF-1.4 handtekening').toString('base64'), '--b--'].join('\r\n');
  await source.call('log.addMail', { file: Buffer.from(mail).toString('base64'), fileName: 'machtiging.eml', relationIds: [someone[0]?.id ?? ''], groupIds: [] });
  exported = exportJson(source.ctx, file('source.json')).file;
});

afterAll(() => {
  for (const c of cores) c.close();
  dir.cleanup();
});

describe('JSON export and import', () => {
  it('round-trips exactly: export, import into a new file, export again gives identical data sections', () => {
    const target = open('target.sqlite');
    const result = importJson(target.ctx, exported);
    expect(result.counts['relations']).toBe(2600);
    // The two added here and the demo's board and committees.
    const demoMembers = (source.ctx.sqlite.prepare('SELECT count(*) AS n FROM group_members').get() as { n: number }).n;
    expect(demoMembers).toBeGreaterThan(2 + 5);
    expect(result.counts['groupMembers']).toBe(demoMembers);
    expect(result.counts['invoices']).toBeGreaterThan(500);
    expect(result.counts['changeRequests']).toBe(5);
    expect(result.counts['contactLogLinks']).toBeGreaterThan(0);
    const again = exportJson(target.ctx, file('target.json'));
    // More than one read chunk (4 MB): the streaming reader crossed chunk boundaries.
    expect(fs.statSync(exported).size).toBeGreaterThan(4 << 20);
    expect(dataSections(again.file)).toBe(dataSections(exported));
  });

  it('takes a batch\'s PmtInfIds from its items when the file is from before batches recorded them', async () => {
    const old = edited('before-pmt-inf-ids.json', (d) => {
      for (const b of d['sepaBatches'] as Record<string, unknown>[]) delete b['pmtInfIds'];
    });
    const target = open('before-pmt-inf-ids.sqlite');
    importJson(target.ctx, old);
    const listed = async (c: Core) => (await c.call('sepaBatches.list', { limit: 100 })).rows.map((b) => [b.msgId, b.pmtInfIds]);
    const expected = await listed(source);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every(([, ids]) => (ids as string[]).length > 0)).toBe(true);
    expect(await listed(target)).toEqual(expected);
  });

  it('carries the kept files (mail attachments) and refuses a file whose content does not match its hash', async () => {
    const target = open('files-target.sqlite');
    const result = importJson(target.ctx, exported);
    expect(result.counts['files']).toBeGreaterThanOrEqual(2);
    const entry = (await target.call('log.list', { query: 'Machtiging' })).rows[0];
    const pdf = await target.call('log.attachment', { id: entry!.attachments.find((a) => a.fileName === 'machtiging.pdf')?.id ?? '' });
    expect(Buffer.from(pdf.bytes, 'base64').toString()).toBe('%PDF-1.4 handtekening');

    const tampered = edited('tampered-file.json', (doc) => {
      const f = doc['files']?.[0] as { content: string };
      f.content = Buffer.from('iets anders').toString('base64');
    });
    const empty = open('files-refused.sqlite');
    const before = snapshot(empty);
    const e = issuesOf(() => importJson(empty.ctx, tampered));
    expect((e.issues ?? []).map((i) => [i.field, i.code])).toContainEqual(['files[0].size', 'FILE_SIZE_MISMATCH']);
    expect(snapshot(empty)).toEqual(before);
    expect(empty.ctx.sqlite.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
  });

  it('is one audited operation exchange.importJson, and the imported data is searchable', async () => {
    const target = open('target2.sqlite');
    const { operationId } = importJson(target.ctx, exported);
    const op = target.ctx.sqlite.prepare('SELECT kind FROM operations WHERE id = ?').pluck().get(operationId);
    expect(op).toBe('exchange.importJson');
    const audited = target.ctx.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) AND action = 'insert' AND table_name = 'relations'`).pluck().get(operationId);
    expect(audited).toBe(2600);
    const { rows } = await target.call('relations.search', { query: 'ozturk zoe', limit: 5 });
    expect(rows.map((r) => r.displayName)).toContain('Zoë Öztürk');
  });

  it('writes one record per line with the schema’s camelCase names, ISO dates and no derived columns', () => {
    const lines = fs.readFileSync(exported, 'utf8').split('\n');
    expect(lines.slice(0, 4)).toEqual(['{', '  "format": "ledenbeheer-administratie",', '  "version": 1,', expect.stringMatching(/^ {2}"exportedAt": "\d{4}-\d\d-\d\dT[\d:.]+Z",$/)]);
    const first = JSON.parse((lines[5] ?? '').replace(/,$/, '')) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(exportColumns('relations').map((c) => c.key));
    expect(first).not.toHaveProperty('displayName');
    expect(first['createdAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('has a zod schema for every section that names exactly the exported fields', () => {
    for (const section of SECTION_NAMES) {
      const keys = exportColumns(section).map((c) => c.key);
      const record = Object.fromEntries(keys.map((k) => [k, null]));
      const result = sectionSchema(section).safeParse({ ...record, unexpected: 1 });
      const unknown = result.error?.issues.filter((i) => i.code === 'unrecognized_keys') ?? [];
      expect(unknown.flatMap((i) => ('keys' in i ? i.keys : [])), section).toEqual(['unexpected']);
    }
  });

  it('refuses to import into an administration that is not empty, and changes nothing', () => {
    const before = snapshot(source);
    const e = issuesOf(() => importJson(source.ctx, exported));
    expect(e.code).toBe('CONFLICT');
    expect(e.details).toMatchObject({ reason: 'ADMINISTRATION_NOT_EMPTY' });
    expect(snapshot(source)).toEqual(before);
  });

  describe('a corrupt file is refused with a precise error and leaves the administration unchanged', () => {
    const cases: [string, () => string, Record<string, unknown>][] = [
      ['bad JSON (cut off)', () => {
        fs.writeFileSync(file('cut.json'), fs.readFileSync(exported, 'utf8').slice(0, 30_000));
        return file('cut.json');
      }, { field: 'json', code: 'JSON_INVALID' }],
      ['bad JSON (a stray character)', () => {
        fs.writeFileSync(file('stray.json'), '{\n  "format": "ledenbeheer-administratie",\n  "version": 1,\n  "relations": [\n    {"id": x}\n  ]\n}\n');
        return file('stray.json');
      }, { field: 'json', code: 'JSON_INVALID', details: expect.objectContaining({ line: 5, column: 5 }) }],
      ['wrong version', () => edited('v2.json', (d) => Object.assign(d, { version: 2 })), { field: 'version', code: 'VERSION_UNSUPPORTED' }],
      ['not our format', () => {
        fs.writeFileSync(file('other.json'), JSON.stringify({ name: 'iets anders', relations: [] }));
        return file('other.json');
      }, { field: 'format', code: 'FORMAT_UNKNOWN' }],
      ['invalid IBAN in record 3', () => edited('iban.json', (d) => {
        const r = d['relations']?.[2] as Record<string, unknown>;
        r['iban'] = 'NL91ABNA0417164301';
      }), { field: 'relations[2].iban', code: 'IBAN_INVALID_CHECKSUM', details: expect.objectContaining({ section: 'relations', index: 2, field: 'iban' }) }],
      ['an address of a relation that does not exist', () => edited('ref.json', (d) => {
        (d['addresses']?.[4] as Record<string, unknown>)['relationId'] = 'nobody';
      }), { field: 'addresses[4].relationId', code: 'REFERENCE_UNKNOWN' }],
      ['a duplicate relation number', () => edited('dup.json', (d) => {
        (d['relations']?.[9] as Record<string, unknown>)['number'] = 1;
      }), { field: 'relations[9].number', code: 'NUMBER_TAKEN' }],
      // Before: imported fine, and afterwards every write touching a relation failed with an internal error.
      ['a unit rule that is not JSON', () => edited('rule-text.json', (d) => {
        (d['unitRules']?.[0] as Record<string, unknown>)['condition'] = 'this is not json';
      }), { field: 'unitRules[0].condition', code: 'JSON_TEXT_INVALID' }],
      ['a base rule that is JSON but no condition', () => edited('rule-shape.json', (d) => {
        (d['membershipTypes']?.[0] as Record<string, unknown>)['baseCondition'] = JSON.stringify({ type: 'subscription' });
      }), { field: 'membershipTypes[0].baseCondition', code: 'CONDITION_INVALID' }],
      ['a base rule using memberships itself', () => edited('rule-membership.json', (d) => {
        (d['membershipTypes']?.[0] as Record<string, unknown>)['baseCondition'] = JSON.stringify({ type: 'membership', includeSubunits: true });
      }), { field: 'membershipTypes[0].baseCondition', code: 'MEMBERSHIP_ATOM_IN_RULE' }],
      ['a group condition with an impossible age range', () => edited('group-age.json', (d) => {
        (d['groups']?.[0] as Record<string, unknown>)['condition'] = JSON.stringify({ type: 'age', min: 60, max: 20 });
      }), { field: 'groups[0].condition', code: 'AGE_RANGE_INVALID' }],
      ['subscription recipients that are not a list of ids', () => edited('recipients.json', (d) => {
        (d['subscriptions']?.[0] as Record<string, unknown>)['recipients'] = '{"naam": "Jan"}';
      }), { field: 'subscriptions[0].recipients', code: 'RECIPIENTS_INVALID' }],
      ['a batch\'s PmtInfIds that are JSON but not a list', () => edited('pmt-inf-ids.json', (d) => {
        (d['sepaBatches']?.[0] as Record<string, unknown>)['pmtInfIds'] = '{"blok": 1}';
      }), { field: 'sepaBatches[0].pmtInfIds', code: 'PMT_INF_IDS_INVALID' }],
      ['subscription recipients that are not in the file', () => edited('recipients-ref.json', (d) => {
        (d['subscriptions']?.[0] as Record<string, unknown>)['recipients'] = JSON.stringify(['niemand']);
      }), { field: 'subscriptions[0].recipients', code: 'REFERENCE_UNKNOWN' }],
      ['a subscription ending on its start day', () => edited('sub-period.json', (d) => {
        const sub = d['subscriptions']?.[1] as Record<string, unknown>;
        sub['endDate'] = sub['startDate'];
      }), { field: 'subscriptions[1].endDate', code: 'PERIOD_END_BEFORE_START' }],
      ['a group membership ending before it starts', () => edited('member-period.json', (d) => {
        Object.assign(d['groupMembers']?.[0] as Record<string, unknown>, { validFrom: '2020-01-01', validTo: '2019-12-31' });
      }), { field: 'groupMembers[0].validTo', code: 'PERIOD_END_BEFORE_START' }],
      ['a unit placed under its own subunit', () => edited('unit-cycle.json', (d) => {
        const placements = d['unitPlacements'] as Record<string, unknown>[];
        const root = placements.find((p) => p['parentId'] === null) as Record<string, unknown>;
        const child = placements.find((p) => p['parentId'] !== null) as Record<string, unknown>;
        root['parentId'] = child['unitId'];
      }), { code: 'UNIT_TREE_CYCLE', field: expect.stringMatching(/^unitPlacements\[\d\]\.parentId$/) }],
      ['a group and a selection referring to each other', () => edited('condition-cycle.json', (d) => {
        const selection = d['selections']?.[0] as Record<string, unknown>;
        // The group the selection refers to (the demo has groups of its own, e.g. its board).
        const groups = (d['groups'] ?? []) as Record<string, unknown>[];
        const group = groups.find((g) => String(selection['condition']).includes(String(g['id']))) ?? groups[0];
        (group as Record<string, unknown>)['condition'] = JSON.stringify({ type: 'selection', selectionId: selection['id'] });
      }), { code: 'CONDITION_CYCLE', field: expect.stringMatching(/^(groups|selections)\[\d+\]\.condition$/) }],
      ['a condition referring to a group that is not in the file', () => edited('condition-ref.json', (d) => {
        (d['selections']?.[0] as Record<string, unknown>)['condition'] = JSON.stringify({ type: 'groupMember', groupId: 'weg' });
      }), { field: 'selections[0].condition', code: 'REFERENCE_UNKNOWN' }],
      ['an unknown section', () => edited('section.json', (d) => Object.assign(d, { facturen: [] })), { field: 'facturen', code: 'SECTION_UNKNOWN' }],
    ];
    for (const [name, make, issue] of cases) {
      it(name, () => {
        const target = open(`refused-${name.replace(/\W+/g, '-')}.sqlite`);
        const before = snapshot(target);
        const e = issuesOf(() => importJson(target.ctx, make()));
        expect(e.code).toBe('VALIDATION_FAILED');
        expect(e.issues?.[0]).toEqual(expect.objectContaining(issue));
        expect(snapshot(target)).toEqual(before);
      });
    }
  });

  it('never takes memberships from the file: they are recomputed from the imported rules and facts', async () => {
    const stored = source.ctx.sqlite.prepare('SELECT count(*) FROM memberships').pluck().get() as number;
    expect(stored).toBeGreaterThan(0);
    const forged = edited('forged.json', (d) => {
      const rows = d['memberships'] as Record<string, unknown>[];
      const relation = (d['relations'] as Record<string, unknown>[]).find((r) => !rows.some((m) => m['relationId'] === r['id']));
      rows.push({ ...rows[0], id: 'vervalst', relationId: relation?.['id'], startDate: '1990-01-01' });
    });
    const target = open('forged.sqlite');
    importJson(target.ctx, forged);
    const q = 'SELECT relation_id, unit_id, membership_type_id, start_date, end_date FROM memberships ORDER BY 1, 2, 3, 4';
    expect(target.ctx.sqlite.prepare(q).all()).toEqual(source.ctx.sqlite.prepare(q).all());
    expect(target.ctx.sqlite.prepare(`SELECT count(*) FROM memberships WHERE id = 'vervalst'`).pluck().get()).toBe(0);
    // And the administration works: a write touching a member recomputes without error.
    const member = target.ctx.sqlite.prepare('SELECT relation_id FROM memberships LIMIT 1').pluck().get() as string;
    await target.call('relations.update', { id: member, fields: { firstName: 'Anna', lastName: 'Bakker' } });
  });

  it('accepts sections in any order and a hand-written file with only what it needs', () => {
    const doc = JSON.parse(fs.readFileSync(exported, 'utf8')) as Record<string, unknown>;
    const { format, version, addresses, relations } = doc as Record<string, unknown[]>;
    const relation = (relations as Record<string, unknown>[]).find((r) => r['kind'] === 'person') as Record<string, unknown>;
    const address = (addresses as Record<string, unknown>[]).find((a) => a['relationId'] === relation['id']);
    const minimal = { format, version, addresses: [address], relations: [{ ...relation, iban: 'nl91 abna 0417 1643 00', socialLinks: undefined }] };
    fs.writeFileSync(file('minimal.json'), JSON.stringify(minimal, null, 2));
    const target = open('minimal.sqlite');
    expect(importJson(target.ctx, file('minimal.json')).counts).toMatchObject({ relations: 1, addresses: 1 });
    const iban = target.ctx.sqlite.prepare('SELECT iban FROM relations').pluck().get();
    expect(iban).toBe('NL91ABNA0417164300');
    // Its own default types stay: the file brought none.
    expect(target.ctx.sqlite.prepare('SELECT count(*) FROM relation_types').pluck().get()).toBe(7);
  });

  it('refuses control characters in any text field and a birth date after today', () => {
    const doc = JSON.parse(fs.readFileSync(exported, 'utf8')) as Record<string, Record<string, unknown>[]>;
    const persons = doc['relations']!.map((r, i) => [r, i] as const).filter(([r]) => r['kind'] === 'person');
    const [[p0, i0], [p1, i1], [p2, i2]] = persons as [[Record<string, unknown>, number], [Record<string, unknown>, number], [Record<string, unknown>, number]];
    const bad = edited('hostile.json', (d) => {
      const rel = d['relations'] as Record<string, unknown>[];
      rel[i0] = { ...p0, lastName: 'Vries\u001b[2J' };
      rel[i1] = { ...p1, firstName: '\u202eJan' };
      rel[i2] = { ...p2, birthDate: '2026-11-23', deathDate: null };
      (d['addresses']![0] as Record<string, unknown>)['city'] = 'Utrecht\u0000';
      (d['tags']![0] as Record<string, unknown>)['name'] = 'Tag\u0007';
    });
    const target = open('hostile.sqlite');
    const e = issuesOf(() => importJson(target.ctx, bad));
    expect(e.issues?.map((i) => `${i.field} ${i.code}`)).toEqual(
      expect.arrayContaining([
        `relations[${i0}].lastName TEXT_CONTROL_CHARACTER`,
        `relations[${i1}].firstName TEXT_CONTROL_CHARACTER`,
        `relations[${i2}].birthDate DATE_IN_FUTURE`,
        'addresses[0].city TEXT_CONTROL_CHARACTER',
        'tags[0].name TEXT_CONTROL_CHARACTER',
      ]),
    );
    expect(target.ctx.sqlite.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(0);
  });

  it('reports many problems at once, each with section, index, field and code', () => {
    const path2 = edited('many.json', (d) => {
      (d['relations']?.[0] as Record<string, unknown>)['email'] = 'geen-mail';
      (d['relations']?.[1] as Record<string, unknown>)['kind'] = 'robot';
      (d['addresses']?.[0] as Record<string, unknown>)['postcode'] = '0123 AB';
    });
    const target = open('many.sqlite');
    const e = issuesOf(() => importJson(target.ctx, path2));
    expect(e.issues?.map((i) => `${i.field} ${i.code}`)).toEqual(
      expect.arrayContaining(['relations[0].email EMAIL_INVALID', 'relations[1].kind INPUT_INVALID_VALUE', 'addresses[0].postcode POSTCODE_INVALID_FORMAT']),
    );
  });
});
