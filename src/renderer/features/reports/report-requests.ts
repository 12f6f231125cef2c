import type { Output } from '../../../shared/contract';
import { addDays } from '../../../shared/dutch/dates';
import { call } from '../../rpc/client';

export const REPORTS = ['membersPerUnit', 'ageCategories', 'birthdays', 'jubilees', 'contributions', 'board'] as const;
export type ReportKey = (typeof REPORTS)[number];
export type ReportFormat = 'table' | 'xlsx' | 'pdf';
export type ReportResult = Output<'reports.birthdays'>;

/** What the screen asks: a period (last day inclusive, as shown), a year, a date, and per report its options. */
export interface ReportParams {
  from: string;
  through: string;
  year: number;
  on: string;
  typeCode: string | null;
  years: number[];
  groupBy: 'year' | 'run' | 'type';
}

/** Which parameters a report takes (the screen shows only those). */
export const PARAMS: Record<ReportKey, ('period' | 'year' | 'on' | 'type' | 'years' | 'groupBy')[]> = {
  membersPerUnit: ['period'],
  ageCategories: ['year', 'type'],
  birthdays: ['period', 'type'],
  jubilees: ['period', 'years', 'type'],
  contributions: ['period', 'groupBy'],
  board: ['on'],
};

/** The one call per report; the core's period end is exclusive. */
export function requestReport(key: ReportKey, p: ReportParams, format: ReportFormat): Promise<ReportResult> {
  const period = { from: p.from, to: addDays(p.through, 1) };
  const type = p.typeCode ? { typeCode: p.typeCode } : {};
  switch (key) {
    case 'membersPerUnit':
      return call('reports.membersPerUnit', { ...period, format });
    case 'ageCategories':
      return call('reports.ageCategories', { year: p.year, ...type, format });
    case 'birthdays':
      return call('reports.birthdays', { ...period, ...type, format });
    case 'jubilees':
      return call('reports.jubilees', { ...period, ...(p.years.length ? { years: p.years } : {}), ...type, format });
    case 'contributions':
      return call('reports.contributions', { ...period, groupBy: p.groupBy, format });
    case 'board':
      return call('reports.board', { on: p.on, format });
  }
}

/** The relations a report's lines are about, each once (empty for reports of counts). */
export function reportRelationIds(r: ReportResult): string[] {
  return [...new Set(r.rows.map((row) => row['relationId']).filter((v): v is string => typeof v === 'string'))];
}
