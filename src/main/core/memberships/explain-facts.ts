import type { CoreContext } from '../context';
import type { Condition, ExplanationFacts } from '../../../shared/contract';
import { ageOn } from '../../../shared/dutch/dates';
import { rowMapper, textValueRow } from '../db/row-mapper';

const valid = (alias: string) => `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= @day) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > @day)`;

const birthDateRow = rowMapper('birth date', { b: 'text?' });

/**
 * What the relation itself has on the day, for the atoms whose "no" needs it to make sense:
 * "is at least 18 years old" ✗ — 17 on that day; "has relation type Lid" ✗ — has Donateur.
 */
export function explainFacts(ctx: CoreContext, c: Condition, relationId: string, day: string): ExplanationFacts | undefined {
  const list = (sql: string) => textValueRow.all(ctx.sqlite.prepare(sql).all({ id: relationId, day })).map((r) => r.v);
  switch (c.type) {
    case 'age': {
      const row = birthDateRow.maybe(ctx.sqlite.prepare('SELECT birth_date AS b FROM relations WHERE id = ?').get(relationId));
      return { age: row?.b ? ageOn(row.b, day) : null };
    }
    case 'relationType':
      return { has: list(`SELECT t.name AS v FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id WHERE a.relation_id = @id AND ${valid('a')} ORDER BY t.position, t.name`) };
    case 'subscription':
      return {
        has: list(`SELECT t.name AS v FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id
                    WHERE s.relation_id = @id AND s.start_date <= @day AND (s.end_date IS NULL OR s.end_date > @day) ORDER BY t.name`),
      };
    case 'address':
      return {
        addresses: list(`SELECT trim(concat_ws(' ', a.postcode, a.city)) AS v FROM addresses a WHERE a.relation_id = @id AND ${valid('a')} ORDER BY a.type`),
      };
    case 'groupMember':
      return {
        has: list(`SELECT g.name || coalesce(' (' || r.name || ')', '') AS v FROM group_members m JOIN groups g ON g.id = m.group_id
                    LEFT JOIN group_roles r ON r.id = m.role_id WHERE m.relation_id = @id AND m.mode = 'include' AND ${valid('m')} ORDER BY g.name`),
      };
    default:
      return undefined;
  }
}
