import { z } from 'zod';
import { defineContract } from './define';
import { id } from './fields';
import { fileOutput } from './io';

/** Privacy (AVG): everything about one person as a zip, anonymising, the retention review list. */

export const retentionCandidateDto = z.object({
  relationId: id,
  number: z.number().int(),
  name: z.string(),
  types: z.string(),
  leftOn: z.string(),
  openInvoices: z.number().int(),
});
export type RetentionCandidateDto = z.infer<typeof retentionCandidateDto>;

export const anonymiseResultDto = z.object({
  /** False for a dry run: everything below is what the commit would do, and nothing was saved. */
  saved: z.boolean(),
  /** The administration's version the preview was made on: pass it to the commit to refuse it when anything changed since. */
  basis: z.number().int(),
  operationId: z.string().nullable(),
  anonymised: z.array(z.object({ relationId: id, number: z.number().int() })),
  keptFinancial: z.number().int(),
  deletedRecords: z.number().int(),
  scrubbedAuditRows: z.number().int(),
});
export type AnonymiseResultDto = z.infer<typeof anonymiseResultDto>;

const labelMap = z.record(z.string().max(80), z.string().max(300)).refine((m) => Object.keys(m).length <= 2000);
/** The words of the readable document in the user's language (the renderer's i18n is their one source): table, column and operation labels. */
export const documentLabels = z.object({ tables: labelMap, columns: labelMap, operations: labelMap });
export type DocumentLabels = z.infer<typeof documentLabels>;

export const privacyContract = defineContract({
  /** A zip with persoonsgegevens.json (every record and History) and persoonsgegevens.docx (readable). */
  'privacy.export': { input: z.object({ relationId: id, labels: documentLabels.optional() }), output: fileOutput },
  /**
   * Irreversible: personal data goes, financial records stay under a pseudonym. `dryRun` runs
   * it completely and rolls it back (what would go and stay); a commit with the preview's
   * `basis` is refused (CONFLICT ANONYMISE_PREVIEW_STALE) when anything was written since.
   */
  'privacy.anonymise': {
    input: z.object({ relationIds: z.array(id).min(1).max(5000), dryRun: z.boolean().default(false), basis: z.number().int().min(0).optional() }),
    output: anonymiseResultDto,
  },
  /** Former relations whose last relation type ended at least `years` ago; a list to review, never acted on by itself. */
  'privacy.retention': {
    input: z.object({ years: z.number().int().min(1).max(100).default(2) }),
    output: z.object({ cutoff: z.string(), total: z.number().int(), rows: z.array(retentionCandidateDto) }),
  },
});
