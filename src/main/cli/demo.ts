import { isIsoDate } from '../../shared/dutch/dates';
import { DomainError } from '../../shared/errors';
import { integerOption, optionalString, requiredOption } from './arguments';
import { usageError } from './cli-error';
import type { Command } from './command';
import { nl, seconds } from './format';
import { fromDomainError } from './messages';
import { openTarget } from './open-administration';
import { MAX_DEMO_RELATIONS } from '../core/demo/limits';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'maak een demo-administratie met realistische Nederlandse gegevens',
  usage: 'demo --db BESTAND --relations N [--seed S] [--today JJJJ-MM-DD]',
  options: { db: { type: 'string' }, relations: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const relations = integerOption(args, 'relations', { min: 1, max: MAX_DEMO_RELATIONS });
    if (relations === undefined) throw usageError('het aantal relaties ontbreekt: geef --relations N op');
    const seed = optionalString(args, 'seed') ?? '1';
    const today = optionalString(args, 'today');
    if (today !== undefined && !isIsoDate(today)) throw usageError(`ongeldige datum voor --today: '${today}' (verwacht JJJJ-MM-DD)`);
    const { core, discard } = await openTarget(file);
    const started = performance.now();
    try {
      const { generateDemo } = await import('../core/demo/generate-demo');
      const { assertEmptyAdministration } = await import('../core/exchange/administration-state');
      assertEmptyAdministration(core.ctx.sqlite);
      io.err(`Demo-administratie met ${nl(relations)} relaties maken (seed ${seed})…`);
      const { counts } = generateDemo(core, { relations, seed, ...(today ? { today } : {}) });
      core.close();
      io.out(
        `Demo-administratie gemaakt in ${file}: ${nl(counts.relations)} relaties, ${nl(counts.addresses)} adressen, ` +
          `${nl(counts.relationLinks)} koppelingen, ${nl(counts.relationTypeAssignments)} relatietypen, ` +
          `${nl(counts.relationTags)} kenmerken (${seconds(performance.now() - started)})`,
      );
    } catch (e) {
      discard();
      throw e instanceof DomainError ? fromDomainError(e, file) : e;
    }
  },
};
