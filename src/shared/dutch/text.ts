// Letters that NFD does not decompose into base letter + combining mark.
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ĳ: 'ij',
  Ĳ: 'IJ',
};

const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_FOLDS).join('')}]`, 'gu');

/** 'Zoë' → 'Zoe', 'Straße' → 'Strasse'. Case is preserved. */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL_RE, (ch) => SPECIAL_FOLDS[ch] ?? ch)
    .normalize('NFC');
}

/** Case- and accent-insensitive key for sorting and comparing names. */
export function collationKey(s: string): string {
  return foldDiacritics(s).toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Trim and collapse runs of whitespace (incl. non-breaking spaces) to one space. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * The key lists sort on, the Dutch way: case- and accent-insensitive, and a leading
 * apostrophe article does not count — "'t Hart" sorts under H, "'s-Gravenhage" under G —
 * nor does leading punctuation ('"De Ster"', '(Stichting) Vrienden').
 */
export function dutchSortKey(s: string): string {
  return collationKey(s.replace(/[’‘`´]/gu, "'"))
    .replace(/^[^\p{L}\p{N}']+/u, '')
    .replace(/^'(?:t|s|n)(?:[\s-]+|(?=[^\p{L}]))/u, '')
    .replace(/^[^\p{L}\p{N}]+/u, '');
}
