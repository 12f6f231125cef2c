import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate } from './fields';
import { fileBytes, fileOutput, listSource } from './io';

/**
 * Change requests (mutaties): members' changes arrive as files (a web-form CSV/Excel export,
 * JSON, an .eml/.msg mail, the app's own fillable PDF form), land on a pile and are approved
 * or rejected, whole or per field. Values travel as text in the stored (normalised) form.
 */

/** The fields a member may ask to change: relation fields and the parts of the home address. */
export const REQUEST_FIELDS = [
  'initials', 'firstName', 'infix', 'lastName', 'birthDate',
  'email', 'phone', 'mobile', 'iban',
  'street', 'houseNumber', 'houseLetter', 'houseNumberSuffix', 'postcode', 'city', 'country',
] as const;
export const requestField = z.enum(REQUEST_FIELDS);
export type RequestField = z.infer<typeof requestField>;
export const ADDRESS_REQUEST_FIELDS: readonly RequestField[] = ['street', 'houseNumber', 'houseLetter', 'houseNumberSuffix', 'postcode', 'city', 'country'];

export const requestStatus = z.enum(['open', 'approved', 'rejected']);

export const requestSummaryDto = z.object({
  id,
  title: z.string(),
  sourceKind: z.enum(['csv', 'xlsx', 'json', 'eml', 'msg', 'pdf']),
  sourceName: z.string(),
  requestedOn: z.string(),
  status: requestStatus,
  relationId: z.string().nullable(),
  relationNumber: z.number().int().nullable(),
  relationName: z.string().nullable(),
  matchedBy: z.enum(['number', 'email', 'scorer']).nullable(),
  submittedNumber: z.number().int().nullable(),
  submittedEmail: z.string().nullable(),
  submittedName: z.string().nullable(),
  fieldCount: z.number().int(),
  needsMandateProof: z.boolean(),
  reason: z.string().nullable(),
});
export type RequestSummaryDto = z.infer<typeof requestSummaryDto>;

export const requestFieldDto = z.object({
  field: requestField,
  /** The value when the member wrote (the prefilled form value, else the value at loading). */
  original: z.string().nullable(),
  submitted: z.string().nullable(),
  /** The value now. */
  current: z.string().nullable(),
  /** The record changed this field since the request: current ≠ original. */
  stale: z.boolean(),
  /** Once decided: the value applied, or null when the field was not applied. */
  applied: z.string().nullable().optional(),
});
export type RequestFieldDto = z.infer<typeof requestFieldDto>;

export const requestDetailDto = requestSummaryDto.extend({
  fields: z.array(requestFieldDto),
  /** Other open requests for the same relation, to be handled together. */
  otherOpen: z.array(requestSummaryDto),
  decidedAt: z.number().nullable(),
});
export type RequestDetailDto = z.infer<typeof requestDetailDto>;

export const requestLoadIssue = z.object({
  /** The request's position in the file (a row number for CSV/Excel, 1 for a mail or form). */
  row: z.number().int(),
  field: z.string().nullable(),
  code: z.string(),
});

export const requestsContract = defineContract({
  /** Reads a file into requests. The same file again creates nothing (content hash). */
  'requests.load': {
    input: z.object({ file: fileBytes, fileName: z.string().trim().min(1).max(255) }),
    output: z.object({
      created: z.array(id),
      /** Requests of this file that were loaded before. */
      alreadyLoaded: z.number().int(),
      issues: z.array(requestLoadIssue),
    }),
  },
  'requests.list': {
    input: z.object({ status: requestStatus.optional(), relationId: id.optional() }),
    output: z.object({ rows: z.array(requestSummaryDto) }),
  },
  'requests.get': { input: z.object({ id }), output: requestDetailDto },
  /** Ties an unmatched (or wrongly matched) request to a relation. */
  'requests.assign': { input: z.object({ id, relationId: id }), output: requestDetailDto },
  /**
   * Applies the request as one audited operation. `fields` lists what to apply, each with the
   * value chosen (submitted, original, current or a correction); fields left out are not
   * applied. Without `fields` every submitted value is applied (the pre-selected default).
   */
  'requests.approve': {
    input: z.object({
      id,
      fields: z.array(z.object({ field: requestField, value: z.string().max(500).nullable() })).max(REQUEST_FIELDS.length).optional(),
      /** The date an address change takes effect; today when absent. */
      moveDate: isoDate.optional(),
    }),
    output: requestDetailDto,
  },
  'requests.reject': {
    input: z.object({ id, reason: z.string().trim().min(1, { message: 'REASON_REQUIRED' }).max(2000) }),
    output: requestDetailDto,
  },
  /** A personalised fillable PDF change form per relation (one PDF, or a zip of them). */
  'requests.form': {
    input: z.object({ source: listSource }),
    output: fileOutput,
  },
});
