import { administrationIdentity } from '../setup/administration-identity';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { referenceContract } from '../../../shared/contract';
import { normalizePostcode } from '../../../shared/dutch/postcode';
import { lookupPc4 } from '../../../shared/dutch/pc4';
import { bicForIban, normalizeIban } from '../../../shared/dutch/iban';
import { countRelations } from '../relations/relations.repo';

export function referenceHandlers(ctx: CoreContext, version: string): HandlerGroup<keyof typeof referenceContract> {
  return {
    'reference.lookupPostcode': ({ postcode }) => {
      const pc = normalizePostcode(postcode, 'NL');
      const info = pc.ok ? lookupPc4(ctx.reference.pc4, pc.value) : null;
      return {
        postcode: pc.ok ? pc.value : null,
        municipality: info?.municipality ?? null,
        province: info?.province ?? null,
        places: info?.places ?? [],
      };
    },
    'reference.bicForIban': ({ iban }) => {
      const normalized = normalizeIban(iban);
      const bic = bicForIban(normalized, ctx.reference.banks);
      const bank = bic ? (ctx.reference.banks.get(normalized.slice(4, 8))?.bank ?? null) : null;
      return { bic, bank };
    },
    'app.info': () => ({
      version,
      administration: { ...administrationIdentity(ctx.sqlite, ctx.file), path: ctx.file },
      relationCount: countRelations(ctx),
      actor: ctx.actor(),
    }),
  };
}
