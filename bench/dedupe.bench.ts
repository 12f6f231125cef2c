import { loadAllRecords } from '../src/main/core/dedupe/dedupe-records';
import { loadWeights } from '../src/main/core/dedupe/dedupe-store';
import { allPairs } from '../src/main/core/dedupe/scan';
import { demoAdministration } from './support/demo-fixture';
import { report, time } from './support/figures';

/**
 * The duplicate scan of the whole demo administration (100,000 relations; BENCH_RELATIONS to
 * change) against all-pairs scoring of a 1,000-relation sample in the same run, extrapolated;
 * and one merge of a relation with 50 linked rows. Run alone: node --import tsx bench/dedupe.bench.ts
 */
const N = Number(process.env['BENCH_RELATIONS'] ?? 100_000);
const SAMPLE = 1_000;
const { core } = demoAdministration(N);

// ── scan ───────────────────────────────────────────────────────────────────────────────
{
  await core.call('dedupe.scan', { limit: 10 }); // warm the page cache and the JIT once
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const scan = await core.call('dedupe.scan', { limit: 500 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const records = loadAllRecords(core.ctx);
  const sample = records.filter((_, i) => i % Math.floor(records.length / SAMPLE) === 0).slice(0, SAMPLE);
  const base = time(() => allPairs(sample, core.ctx.reference.infixes, loadWeights(core.ctx)));
  const pairsAll = (records.length * (records.length - 1)) / 2;
  const pairsSample = (sample.length * (sample.length - 1)) / 2;
  const extrapolated = base.ms * (pairsAll / pairsSample);
  report({
    name: `dedupe.scan_${N / 1000}k`,
    value: ms,
    unit: 'ms',
    baseline: { name: `all-pairs scoring of a ${sample.length}-relation sample (${base.ms.toFixed(0)} ms), extrapolated to ${records.length} relations`, value: extrapolated },
    target: `< 10000 ms for ${N} relations (found ${scan.total} pairs, ${scan.comparisons} comparisons, ${scan.skippedBlocks.length} blocks skipped; cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`,
    ok: ms < 10_000,
  });
}

// ── one merge with 50 linked rows ──────────────────────────────────────────────────────
{
  const keep = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Bench', lastName: 'Behouden' } });
  const remove = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Bench', lastName: 'Weg' } });
  const sql = core.ctx.sqlite;
  const others = (sql.prepare(`SELECT id FROM relations WHERE kind = 'person' LIMIT 10 OFFSET 500`).all() as { id: string }[]).map((r) => r.id);
  const linkType = (sql.prepare('SELECT id FROM link_types LIMIT 1').get() as { id: string }).id;
  const relType = (sql.prepare('SELECT id FROM relation_types LIMIT 1').get() as { id: string }).id;
  const group = sql.prepare('SELECT id FROM groups LIMIT 1').get() as { id: string } | undefined;
  const subType = sql.prepare('SELECT id FROM subscription_types LIMIT 1').get() as { id: string } | undefined;
  let linked = 0;
  core.ctx.write('bench.seed', null, (op) => {
    const t = core.ctx.now();
    for (let i = 0; i < 10; i++) {
      sql.prepare(`INSERT INTO addresses (id, relation_id, type, street, house_number, postcode, city, country, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, 'home', 'Benchstraat', ?, '3511 AB', 'Utrecht', 'NL', ?, ?, ?, ?)`)
        .run(`b-addr-${i}`, remove.id, i + 1, `${2000 + i}-01-01`, `${2001 + i}-01-01`, t, t);
      sql.prepare(`INSERT INTO relation_links (id, link_type_id, from_relation_id, to_relation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(`b-link-${i}`, linkType, remove.id, others[i], t, t);
      sql.prepare(`INSERT INTO relation_type_assignments (id, relation_id, type_id, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(`b-rta-${i}`, remove.id, relType, `${2000 + 2 * i}-01-01`, `${2001 + 2 * i}-01-01`, t);
      if (group) sql.prepare(`INSERT INTO group_members (id, group_id, relation_id, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(`b-gm-${i}`, group.id, remove.id, `${2000 + 2 * i}-01-01`, `${2001 + 2 * i}-01-01`, t, t);
      if (subType) sql.prepare(`INSERT INTO subscriptions (id, relation_id, type_id, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(`b-sub-${i}`, remove.id, subType.id, `${2000 + 2 * i}-01-01`, `${2001 + 2 * i}-01-01`, t, t);
    }
    op.changed('relations.changed', { ids: [remove.id] });
  });
  linked = (sql.prepare(`SELECT (SELECT count(*) FROM addresses WHERE relation_id = @r) + (SELECT count(*) FROM relation_links WHERE from_relation_id = @r) + (SELECT count(*) FROM relation_type_assignments WHERE relation_id = @r) + (SELECT count(*) FROM group_members WHERE relation_id = @r) + (SELECT count(*) FROM subscriptions WHERE relation_id = @r) AS n`).get({ r: remove.id }) as { n: number }).n;
  const t0 = performance.now();
  const r = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id });
  const ms = performance.now() - t0;
  const movedRows = r.moved.reduce((s, m) => s + m.rows, 0);
  report({
    name: 'dedupe.merge_50_linked_rows',
    value: ms,
    unit: 'ms',
    target: `< 50 ms for one merge with ${linked} linked rows (moved ${movedRows} rows incl. derived memberships, in a ${N}-relation administration, audited, memberships recomputed)`,
    ok: ms < 50 && linked >= 50,
  });
}
core.close();
