import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { reportsContract } from '../../../shared/contract';
import { ageCategories, DEFAULT_AGE_CATEGORIES, membersPerUnit } from './reports';
import { reportPdf, reportXlsx, type ReportTable } from './report-table';
import { birthdaysReport, jubileesReport } from './people-reports';
import { contributionsReport } from './contributions-report';
import { boardReport } from './board-report';

async function withFile(table: ReportTable, format: 'table' | 'xlsx' | 'pdf', name: string) {
  if (format === 'table') return { ...table, file: null };
  const bytes = format === 'xlsx' ? await reportXlsx(table) : await reportPdf(table);
  return {
    ...table,
    file: {
      fileName: `${name}.${format}`,
      mimeType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
      bytes: Buffer.from(bytes).toString('base64'),
    },
  };
}

export function reportsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof reportsContract> {
  return {
    'reports.membersPerUnit': ({ from, to, format }) => withFile(membersPerUnit(ctx, { from, to }), format, `leden-per-afdeling-${from}`),
    'reports.ageCategories': ({ year, typeCode, categories, format }) =>
      withFile(ageCategories(ctx, { year, typeCode, categories: categories ?? DEFAULT_AGE_CATEGORIES }), format, `leeftijdscategorieen-${year}`),
    'reports.birthdays': ({ from, to, typeCode, format }) => withFile(birthdaysReport(ctx, { from, to, typeCode }), format, `verjaardagen-${from}`),
    'reports.jubilees': ({ from, to, years, typeCode, format }) => withFile(jubileesReport(ctx, { from, to, years, typeCode }), format, `jubilea-${from}`),
    'reports.contributions': ({ from, to, groupBy, asOf, format }) =>
      withFile(contributionsReport(ctx, { from, to, groupBy, asOf: asOf ?? ctx.today() }), format, `contributie-${groupBy}-${from}`),
    'reports.board': ({ on, groupTypes, groupId, format }) => withFile(boardReport(ctx, { on, groupTypes, groupId }), format, `bestuur-${on}`),
  };
}
