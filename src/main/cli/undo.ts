import { DomainError } from '../../shared/errors';
import { requiredOption } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { nl } from './format';
import { warnBrokenRules } from './broken-rules';
import { withAdministration } from './open-administration';

/** Dutch names of the operations an undo can run into; anything else is shown by its kind. */
const OPERATION_TEXT: Record<string, string> = {
  'io.import': 'import',
  'io.undoImport': 'import ongedaan gemaakt',
  'relations.create': 'relatie aangemaakt',
  'relations.update': 'gegevens gewijzigd',
  'relations.delete': 'naar prullenbak',
  'relations.restore': 'teruggezet uit prullenbak',
  'addresses.add': 'adres toegevoegd',
  'addresses.update': 'adres gewijzigd',
  'addresses.move': 'verhuizing',
  'addresses.remove': 'adres verwijderd',
  'links.add': 'koppeling toegevoegd',
  'groups.addMember': 'lid toegevoegd aan groep',
  'subscriptions.add': 'abonnement toegevoegd',
};

const when = (at: number) => new Date(at).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

export const undoCommand: Command = {
  name: 'undo',
  summary: 'een import (of een andere bewerking die als geheel terug kan) ongedaan maken',
  usage: 'undo --db BESTAND --operation ID [--json]',
  options: { db: { type: 'string' }, operation: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const operationId = requiredOption(args, 'operation', 'de bewerking (het id dat de import noemde)');
    await withAdministration(file, async (core) => {
      const [status] = (await core.call('audit.undoStatus', { operationIds: [operationId] })).rows;
      if (!status) {
        const known = core.ctx.sqlite.prepare('SELECT kind FROM operations WHERE id = ?').pluck().get(operationId) as string | undefined;
        throw new CliError(known ? `bewerking ${operationId} (${OPERATION_TEXT[known] ?? known}) kan niet als geheel ongedaan worden gemaakt` : `geen bewerking ${operationId} in ${file}`);
      }
      if (status.state === 'undone') throw new CliError(`bewerking ${operationId} is al ongedaan gemaakt (door ${status.undoneBy ?? '?'})`);
      if (status.state === 'conflict') {
        if (args.values['json']) io.out(JSON.stringify({ undone: false, reason: 'CHANGED_LATER', conflicts: status.conflicts }, null, 2));
        throw new CliError(
          `bewerking ${operationId} kan niet meer ongedaan worden gemaakt: ${status.conflicts.length} latere bewerking(en) wijzigden dezelfde gegevens`,
          undefined,
          status.conflicts.map((c) => `${c.operationId} — ${OPERATION_TEXT[c.kind] ?? c.kind}, ${when(c.at)} door ${c.actor} (${nl(c.changes)} wijziging(en))`),
        );
      }
      let result: { operationId: string; reverted: number };
      try {
        result = await core.call('audit.undo', { operationId });
      } catch (e) {
        if (e instanceof DomainError && e.code === 'CONFLICT') throw new CliError(`bewerking ${operationId} kan niet ongedaan worden gemaakt (${String(e.details?.['reason'] ?? e.code)})`);
        throw e;
      }
      if (args.values['json']) io.out(JSON.stringify({ undone: true, operationId, undoOperationId: result.operationId, reverted: result.reverted }, null, 2));
      await warnBrokenRules(core, io);
      if (!args.values['json']) io.out(`Ongedaan gemaakt: ${OPERATION_TEXT[status.kind] ?? status.kind} ${operationId} — ${nl(result.reverted)} wijziging(en) teruggedraaid (bewerking ${result.operationId}).`);
    });
  },
};
