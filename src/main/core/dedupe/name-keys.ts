import { foldDiacritics } from '../../../shared/dutch/text';

/**
 * Comparison key of a name part: accents folded (an old export wrote "Muller" for "Müller"),
 * lower case, ij and y the same letter (Dijkstra = Dykstra), and only letters kept, so
 * hyphens, apostrophes and spaces do not count.
 */
const ASCII = /^[\x20-\x7e]*$/;

export function nameKey(s: string | null | undefined): string {
  if (!s) return '';
  // Most names are plain ASCII: skip the Unicode normalisation (a scan prepares 100,000 records).
  return (ASCII.test(s) ? s : foldDiacritics(s))
    .toLowerCase()
    .replace(/ij/g, 'y')
    .replace(/[^a-z]/g, '');
}

/**
 * A Dutch sound key after the rewrites of the Huygens Institute's soundex_nl (Biografisch
 * Portaal): ei/ij/y → i, ch → g, dt/d at the end → t, ph/v/w → f, z → s, sch at the end → s,
 * c/q/x → k; then vowels after the first letter and doubled letters dropped.
 * Vries = Fries and Jansen = Janssen, but Schouten (sgtn) ≠ Scholten (sgltn).
 */
export function soundKey(key: string): string {
  if (!key) return '';
  const s = key
    .replace(/ei|y/g, 'i')
    .replace(/sch$/g, 's')
    .replace(/ch/g, 'g')
    .replace(/dt$|d$/g, 't')
    .replace(/ph|v|w/g, 'f')
    .replace(/z/g, 's')
    .replace(/ck|c|q|x/g, 'k');
  const first = s.charAt(0);
  const rest = s.slice(1).replace(/[aeiou]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), capped: returns max + 1 when further. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (the transposition looks two rows back); no allocation per cell.
  const w = b.length + 1;
  let older = new Int32Array(w);
  let prev = new Int32Array(w);
  let row = new Int32Array(w);
  for (let j = 0; j < w; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j < w; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, (older[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [older, prev, row] = [prev, row, older];
  }
  return prev[b.length] as number;
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const position = new Map<string, [number, number]>();
KEYBOARD.forEach((row, r) => [...row].forEach((ch, c) => position.set(ch, [r, c])));

/** Neighbouring keys on a QWERTY keyboard (m and n are; u and l are not). */
function neighbours(a: string, b: string): boolean {
  const pa = position.get(a);
  const pb = position.get(b);
  if (!pa || !pb) return false;
  const dr = pb[0] - pa[0];
  const dc = pb[1] - pa[1];
  // Rows are staggered: the row below is shifted half a key to the right.
  return (dr === 0 && Math.abs(dc) === 1) || (dr === 1 && (dc === 0 || dc === -1)) || (dr === -1 && (dc === 0 || dc === 1));
}

export type NameLikeness = 'equal' | 'sounds-alike' | 'typo' | 'looks-alike' | 'different';

/**
 * How two name keys relate. A typo is one slip of the fingers (a letter left out or doubled,
 * two letters swapped, a neighbouring key); one other letter changed only "looks alike":
 * Schouten/Scholten are different families however high their string similarity.
 */
export function nameLikeness(a: string, b: string, soundA = soundKey(a), soundB = soundKey(b)): NameLikeness {
  if (a === b) return 'equal';
  if (!a || !b) return 'different';
  if (soundA === soundB) return 'sounds-alike';
  if (Math.min(a.length, b.length) < 4) return 'different';
  const d = editDistance(a, b, 1);
  if (d > 1) return 'different';
  if (a.length !== b.length) return 'typo';
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  if (diff.length === 2) return 'typo'; // a transposition
  const i = diff[0] as number;
  return neighbours(a[i] as string, b[i] as string) ? 'typo' : 'looks-alike';
}
