import type { Core } from '../core/create-core';
import type { DuplicatePair, MergeResult } from '../../shared/contract';
import { integerOption, requiredOption, requiredPositional } from './arguments';
import { usageError } from './cli-error';
import type { Command } from './command';
import { withAdministration } from './open-administration';
import { nl } from './format';

const SUBCOMMANDS = ['scan', 'merge', 'not-a-duplicate'] as const;

const OUTCOME: Record<string, string> = { agree: 'gelijk', similar: 'lijkt op', differ: 'verschilt', missing: 'ontbreekt' };

/** A relation by its current number; a merged-away number is refused with where it went. */
async function relationByNumber(core: Core, raw: string, what: string): Promise<{ id: string; number: number; displayName: string }> {
  if (!/^\d+$/.test(raw.trim())) throw usageError(`${what}: verwacht een relatienummer, niet '${raw}'`);
  const number = Number(raw.trim());
  const row = core.ctx.sqlite.prepare('SELECT id, number, display_name AS displayName FROM relations WHERE number = ?').get(number) as
    | { id: string; number: number; displayName: string }
    | undefined;
  if (row) return row;
  const via = await core.call('dedupe.resolve', { number });
  if (via.redirected) throw usageError(`${what}: nr. ${number} is al samengevoegd in nr. ${via.number}`);
  throw usageError(`${what}: er is geen relatie met nummer ${number}`);
}

function pairText(p: DuplicatePair): string[] {
  return [
    `${String(p.score).padStart(4)}  nr. ${p.a.number} ${p.a.displayName}  ↔  nr. ${p.b.number} ${p.b.displayName}`,
    ...p.fields.filter((f) => f.outcome !== 'missing').map((f) => `        ${f.field}: ${OUTCOME[f.outcome]} (${f.reason}, ${f.points > 0 ? '+' : ''}${f.points})  ${f.a ?? '—'} / ${f.b ?? '—'}`),
  ];
}

function mergeText(r: MergeResult): string[] {
  return [
    `${r.saved ? 'Samengevoegd' : 'Proef (niets opgeslagen)'}: nr. ${r.removed.number} ${r.removed.displayName} → nr. ${r.keep.number} ${r.keep.displayName}`,
    ...r.fields.filter((f) => f.keep !== f.remove).map((f) => `  ${f.field}: ${f.chosen ?? '—'}  (bewaard: ${f.keep ?? '—'}, ander: ${f.remove ?? '—'}, keuze: ${f.take})`),
    ...r.moved.map((m) => `  verhuisd: ${m.rows} × ${m.table}.${m.column}`),
    ...r.collisions.map((c) => `  botsing ${c.table}: ${c.kind}${c.detail ? ` (${c.detail})` : ''}`),
  ];
}

export const duplicatesCommand: Command = {
  name: 'duplicates',
  summary: 'dubbele relaties zoeken, samenvoegen of als geen dubbel markeren',
  usage:
    'duplicates scan --db BESTAND [--threshold N] [--limit N] [--json]\n' +
    '       duplicates merge --db BESTAND --keep NUMMER --remove NUMMER [--take VELD=NUMMER|both …] [--dry-run] [--json]\n' +
    '       duplicates not-a-duplicate --db BESTAND NUMMER NUMMER',
  options: {
    db: { type: 'string' },
    threshold: { type: 'string' },
    limit: { type: 'string' },
    keep: { type: 'string' },
    remove: { type: 'string' },
    take: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT', 'NUMMER', 'NUMMER'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, `de subopdracht (${SUBCOMMANDS.join(', ')})`);
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw usageError(`onbekende subopdracht '${sub}' (${SUBCOMMANDS.join(', ')})`);
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const json = Boolean(args.values['json']);
      if (sub === 'scan') {
        const threshold = integerOption(args, 'threshold', { min: 1, max: 300 });
        const limit = integerOption(args, 'limit', { min: 1, max: 5000 }) ?? 500;
        const r = await core.call('dedupe.scan', { threshold, limit });
        if (json) {
          io.out(JSON.stringify(r, null, 2));
          return;
        }
        io.out(`${nl(r.total)} mogelijke dubbel(en) in ${nl(r.relations)} relaties (${nl(r.comparisons)} vergelijkingen, ${nl(r.ms)} ms).`);
        if (r.dismissed) io.out(`${nl(r.dismissed)} paar/paren overgeslagen: gemarkeerd als geen dubbel.`);
        for (const b of r.skippedBlocks) io.out(`Niet vergeleken (te veel relaties delen deze waarde): ${b.key} (${nl(b.size)})`);
        for (const p of r.pairs) for (const line of pairText(p)) io.out(line);
        if (r.pairs.length < r.total) io.out(`… de eerste ${nl(r.pairs.length)} getoond; gebruik --limit voor meer.`);
        return;
      }
      if (sub === 'merge') {
        const keep = await relationByNumber(core, requiredOption(args, 'keep', 'de relatie die blijft'), '--keep');
        const remove = await relationByNumber(core, requiredOption(args, 'remove', 'de relatie die opgaat in de andere'), '--remove');
        const take: Record<string, 'keep' | 'remove' | 'both'> = {};
        for (const t of (args.values['take'] as unknown as string[] | undefined) ?? []) {
          const m = /^([\w.]+)=(\d+|both|beide)$/.exec(t.trim());
          if (!m) throw usageError(`--take verwacht VELD=NUMMER of VELD=both, niet '${t}'`);
          const [, field, from] = m as unknown as [string, string, string];
          if (from === 'both' || from === 'beide') take[field] = 'both';
          else if (Number(from) === keep.number) take[field] = 'keep';
          else if (Number(from) === remove.number) take[field] = 'remove';
          else throw usageError(`--take ${t}: nr. ${from} is geen van beide relaties (${keep.number}, ${remove.number})`);
        }
        const r = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take, dryRun: Boolean(args.values['dry-run']) });
        if (json) io.out(JSON.stringify(r, null, 2));
        else for (const line of mergeText(r)) io.out(line);
        return;
      }
      const a = await relationByNumber(core, requiredPositional(args, 1, 'het eerste relatienummer'), 'eerste nummer');
      const b = await relationByNumber(core, requiredPositional(args, 2, 'het tweede relatienummer'), 'tweede nummer');
      const r = await core.call('dedupe.dismiss', { a: a.id, b: b.id });
      if (json) io.out(JSON.stringify({ a: a.number, b: b.number, ...r }));
      else io.out(r.dismissed ? `Gemarkeerd: nr. ${a.number} en nr. ${b.number} zijn geen dubbel.` : `Nr. ${a.number} en nr. ${b.number} waren al gemarkeerd als geen dubbel.`);
    });
  },
};
