import type { Core } from '../../src/main/core/create-core';
import { createRng } from '../../src/main/core/demo/prng';
import { searchTokens, wordsRank } from '../../src/main/core/relations/relation-search';

export interface Relevance {
  share: number;
  checks: number;
  misses: string[];
}

/**
 * For sampled persons: search their full name and a prefix of it (the last word cut short,
 * as when still typing) and check the person comes first — i.e. within the leading block of
 * relations whose name is exactly that (full name) or starts with it (prefix). Everyone in
 * that block is an equally right answer; anything else ranked above them is a miss.
 */
export async function searchRelevance(core: Core, opts: { persons: number; seed: string }): Promise<Relevance> {
  const all = core.ctx.sqlite.prepare(`SELECT id, kind, display_name AS name FROM relations WHERE deleted_at IS NULL`).all() as {
    id: string; kind: string; name: string;
  }[];
  const tokens = all.map((r) => searchTokens(r.name));
  const persons = all.filter((r) => r.kind === 'person' && searchTokens(r.name).length >= 2);
  const rng = createRng(opts.seed);
  const misses: string[] = [];
  let checks = 0;
  let found = 0;
  for (let i = 0; i < opts.persons; i++) {
    const person = rng.pick(persons);
    const words = searchTokens(person.name);
    const lastWord = words[words.length - 1] ?? '';
    const prefix = [...words.slice(0, -1), lastWord.slice(0, Math.max(2, lastWord.length - 2))];
    for (const [query, best] of [[words, 0], [prefix, 1]] as const) {
      // How many relations are as right an answer as this person.
      let block = 0;
      for (const t of tokens) if (t[0] === query[0] && wordsRank(t, query) <= best) block++;
      const { rows } = await core.call('relations.search', { query: query.join(' '), limit: Math.min(200, Math.max(20, block)) });
      const at = rows.findIndex((r) => r.id === person.id);
      checks++;
      if (at !== -1 && at < Math.max(1, block)) found++;
      else misses.push(`"${query.join(' ')}" → ${at === -1 ? 'not found' : `at ${at + 1} of block ${block}`}`);
    }
  }
  return { share: found / checks, checks, misses };
}
