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
  const sql = core.ctx.sqlite;
  const others = (sql.prepare(`SELECT id FROM relations WHERE kind = 'person' LIMIT 10 OFFSET 500`).all() as { id: string }[]).map((r) => r.id);
  const linkType = (sql.prepare('SELECT id FROM link_types LIMIT 1').get() as { id: string }).id;
  const relType = (sql.prepare('SELECT id FROM relation_types LIMIT 1').get() as { id: string }).id;
  // The demo has no groups or subscriptions yet: add what a club has, and a membership rule, so
  // the merge also recomputes memberships as it would in a real administration.
  const group = (await core.call('groups.create', { name: 'Bench-commissie', type: 'committee' })).id;
  const subType = (await core.call('subscriptionTypes.create', { code: 'bench-lid', name: 'Lidmaatschap (bench)' })).id;
  await core.call('membershipTypes.create', { code: 'bench-lid', name: 'Lid (bench)', baseCondition: { type: 'subscription', typeCodes: ['bench-lid'] } });
  await core.call('units.create', { unit: { name: 'Bench-vereniging', startDate: '2000-01-01' }, parentId: null });

  /** Two relations; the one to merge away has 10 each of addresses, links, types, group memberships and subscriptions. */
  async function pairWith50Rows(k: number) {
    const keep = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Bench', lastName: `Behouden ${k}` } });
    const remove = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Bench', lastName: `Weg ${k}` } });
    core.ctx.write('bench.seed', null, (op) => {
      const t = core.ctx.now();
      for (let i = 0; i < 10; i++) {
        const from = `${2000 + 2 * i}-01-01`;
        const to = `${2001 + 2 * i}-01-01`;
        sql.prepare(`INSERT INTO addresses (id, relation_id, type, street, house_number, postcode, city, country, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, 'home', 'Benchstraat', ?, '3511 AB', 'Utrecht', 'NL', ?, ?, ?, ?)`)
          .run(`b${k}-addr-${i}`, remove.id, i + 1, from, to, t, t);
        sql.prepare(`INSERT INTO relation_links (id, link_type_id, from_relation_id, to_relation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(`b${k}-link-${i}`, linkType, remove.id, others[i], t, t);
        sql.prepare(`INSERT INTO relation_type_assignments (id, relation_id, type_id, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(`b${k}-rta-${i}`, remove.id, relType, from, to, t);
        sql.prepare(`INSERT INTO group_members (id, group_id, relation_id, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(`b${k}-gm-${i}`, group, remove.id, from, to, t, t);
        sql.prepare(`INSERT INTO subscriptions (id, relation_id, type_id, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(`b${k}-sub-${i}`, remove.id, subType, from, to, t, t);
      }
      op.changed('relations.changed', { ids: [remove.id] });
    });
    const linked = (sql.prepare(`SELECT (SELECT count(*) FROM addresses WHERE relation_id = @r) + (SELECT count(*) FROM relation_links WHERE from_relation_id = @r) + (SELECT count(*) FROM relation_type_assignments WHERE relation_id = @r) + (SELECT count(*) FROM group_members WHERE relation_id = @r) + (SELECT count(*) FROM subscriptions WHERE relation_id = @r) AS n`).get({ r: remove.id }) as { n: number }).n;
    return { keep, remove, linked };
  }

  const runs: { ms: number; cpu: number; moved: number; linked: number }[] = [];
  for (let k = 0; k < 6; k++) {
    const { keep, remove, linked } = await pairWith50Rows(k);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (k > 0) runs.push({ ms, cpu: (c.user + c.system) / 1000, moved: r.moved.reduce((s, m) => s + m.rows, 0), linked }); // the first warms up
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  const ms = median(runs.map((r) => r.ms));
  const linked = Math.min(...runs.map((r) => r.linked));
  report({
    name: 'dedupe.merge_50_linked_rows',
    value: ms,
    unit: 'ms',
    target: `< 50 ms for one merge with ${linked} linked rows (median of ${runs.length}; moved ${runs[0]?.moved} rows incl. derived memberships, in a ${N}-relation administration, audited, memberships recomputed; cpu median ${median(runs.map((r) => r.cpu)).toFixed(1)} ms)`,
    ok: ms < 50 && linked >= 50,
  });
}
core.close();
