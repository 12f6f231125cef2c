import i18next, { type TFunction } from 'i18next';
import type { Condition, ExplanationNode } from '../../shared/contract';
import { formatDutchDate } from '../../shared/dutch/dates';
import type { Core } from '../core/create-core';
import { nl } from '../../renderer/i18n/nl';
import { explainContext, explainLines, verdictText, type ExplainLine } from '../../renderer/features/memberships/explanation-text';
import type { ConditionNames } from '../../renderer/features/memberships/condition-text';
import { unitPath } from '../../renderer/features/memberships/unit-tree';

/*
 * "Why (not)?" in the CLI says exactly what the card says: the same sentence builder
 * (explanation-text.ts) with the app's Dutch catalogue, fed the same data through the API.
 */

let dutch: TFunction | null = null;
function t(): TFunction {
  if (!dutch) {
    const i18n = i18next.createInstance();
    void i18n.init({ resources: { nl: { translation: nl } }, lng: 'nl', initAsync: false, interpolation: { escapeValue: false } });
    dutch = i18n.t;
  }
  return dutch;
}

async function conditionNames(core: Core): Promise<ConditionNames> {
  const byCode = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]));
  return {
    subscriptionTypes: byCode((await core.call('subscriptionTypes.list', {})).rows),
    membershipTypes: byCode((await core.call('membershipTypes.list', {})).rows),
    relationTypes: byCode((await core.call('relationTypes.list', {})).rows),
    linkTypes: byCode((await core.call('linkTypes.list', {})).rows),
    tags: new Map((await core.call('tags.list', {})).rows.map((r) => [r.id, r.name])),
    units: new Map((await core.call('units.list', {})).rows.map((r) => [r.id, r.name])),
  };
}

function render(line: ExplainLine, depth: number): string[] {
  return [`${'  '.repeat(depth)}${line.holds ? '✓' : '✗'} ${line.text}`, ...line.children.flatMap((c) => render(c, depth + 1))];
}

/** The verdict and the explanation tree, as lines of Dutch. */
export async function explanationLines(
  core: Core,
  q: { unitId: string; unitName: string; type: { id: string; name: string; baseCondition: Condition | null }; on: string },
  answer: { member: boolean; tree: ExplanationNode },
): Promise<string[]> {
  const units = (await core.call('units.list', { on: q.on })).rows;
  const path = unitPath(units, q.unitId, q.on);
  const rules = new Map(await Promise.all(path.map(async (u) => [u.id, (await core.call('units.get', { id: u.id })).rules] as const)));
  const ctx = explainContext({ t: t(), names: await conditionNames(core), baseCondition: q.type.baseCondition ?? undefined, typeId: q.type.id, path, rules });
  const tree = explainLines(ctx, answer.tree);
  const verdict = verdictText(t(), answer.member, { type: q.type.name.toLowerCase(), unit: q.unitName, date: formatDutchDate(q.on) });
  return [verdict, ...tree.children.flatMap((c) => render(c, 1))];
}
