import path from 'node:path';
import { integerOption, requiredOption } from './arguments';
import { usageError } from './cli-error';
import type { Command, ParsedArgs } from './command';
import { relationByNumberOrId } from './dates-and-lookups';
import { withAdministration } from './open-administration';
import { writePrivateFile } from '../core/storage/private-files';
import { formatDutchDate } from '../../shared/dutch/dates';
import { nl } from '../../renderer/i18n/nl';
import { documentLabels } from '../../renderer/i18n/document-labels';

function relations(args: ParsedArgs): string[] {
  const v = args.values['relation'] as unknown;
  const refs = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  if (refs.length === 0) throw usageError('geef minstens één --relation NUMMER');
  return refs;
}

export const privacyCommand: Command = {
  name: 'privacy',
  summary: 'AVG: alles over een persoon exporteren (zip), een relatie anonimiseren, oud-leden na de bewaartermijn',
  usage: [
    'privacy export --db BESTAND --relation NUMMER --out BESTAND.zip [--json]',
    '       ledenbeheer privacy anonymise --db BESTAND --relation NUMMER [--relation NUMMER …] [--dry-run] [--json]',
    '       ledenbeheer privacy retention --db BESTAND [--years 2] [--json]',
    '       ledenbeheer privacy reapply --db BESTAND [--json]   (na het terugzetten van een reservekopie)',
  ].join('\n'),
  options: {
    db: { type: 'string' },
    relation: { type: 'string', multiple: true },
    out: { type: 'string' },
    years: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: ['actie'],
  async run(args, io) {
    const action = args.positionals[0];
    if (!action) throw usageError("geef een actie: export, anonymise, retention of reapply (zie 'ledenbeheer help privacy')");
    const json = Boolean(args.values['json']);
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      switch (action) {
        case 'export': {
          const [ref] = relations(args);
          const out = requiredOption(args, 'out', 'het zipbestand');
          const who = await relationByNumberOrId(core, ref!);
          const f = await core.call('privacy.export', { relationId: who.id, labels: documentLabels(nl) });
          writePrivateFile(out, Buffer.from(f.bytes, 'base64'));
          io.out(json ? JSON.stringify({ file: path.resolve(out), relationId: who.id, name: who.displayName }) : `Alles over ${who.displayName} geschreven naar ${out} (persoonsgegevens.json en persoonsgegevens.docx)`);
          return;
        }
        case 'anonymise':
        case 'anonimiseer': {
          const ids = [];
          for (const ref of relations(args)) ids.push((await relationByNumberOrId(core, ref)).id);
          const dryRun = Boolean(args.values['dry-run']);
          const r = await core.call('privacy.anonymise', { relationIds: ids, dryRun });
          const what = `${r.deletedRecords} gegevens verwijderd; ${r.keptFinancial} financiële gegevens bewaard onder pseudoniem (fiscale bewaarplicht, 7 jaar); ${r.scrubbedAuditRows} regels in de historie gewist`;
          if (json) io.out(JSON.stringify(r, null, 2));
          else if (dryRun) io.out(`Proef, niets gewist. Anonimiseren van ${r.anonymised.map((a) => a.number).join(', ')} zou: ${what}.`);
          else io.out(`Geanonimiseerd: ${r.anonymised.map((a) => a.number).join(', ')}. ${what}.`);
          return;
        }
        case 'retention': {
          const years = integerOption(args, 'years', { min: 1, max: 100 }) ?? 2;
          const r = await core.call('privacy.retention', { years });
          if (json) io.out(JSON.stringify(r, null, 2));
          else if (r.total === 0) io.out(`Geen oud-leden die langer dan ${years} jaar geleden vertrokken.`);
          else {
            io.out(`${r.total} oud-leden vertrokken vóór ${formatDutchDate(r.cutoff)} (bewaartermijn ${years} jaar). Beoordeel en anonimiseer met 'privacy anonymise --relation NUMMER':`);
            for (const c of r.rows) io.out(`  ${String(c.number).padStart(6)}  ${c.name}  (${c.types}, tot ${formatDutchDate(c.leftOn)})${c.openInvoices ? `  LET OP: ${c.openInvoices} open factu(u)r(en)` : ''}`);
          }
          return;
        }
        case 'reapply': {
          const { reapplyErasures } = await import('../core/privacy/anonymise');
          const r = reapplyErasures(core.ctx);
          const numbers = r?.anonymised.map((a) => a.number) ?? [];
          io.out(json ? JSON.stringify({ anonymised: numbers }) : numbers.length ? `Opnieuw geanonimiseerd na terugzetten: ${numbers.join(', ')}` : 'Niets te doen: alle wissingen zijn al toegepast.');
          return;
        }
        default:
          throw usageError(`onbekende actie '${action}' (export, anonymise, retention, reapply)`);
      }
    });
  },
};
