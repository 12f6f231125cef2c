import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors';
import { nl } from '../../src/renderer/i18n/nl';
import { en } from '../../src/renderer/i18n/en';
import { errorCodeText } from '../../src/main/cli/error-text';

/**
 * Every code the core, the shared contracts or the CLI can put in an error — the API's
 * ERROR_CODES and every issue or reason code written in the source — has a Dutch and an
 * English text. The codes are read from the source, so a new one without text fails here.
 */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

const root = path.resolve(import.meta.dirname, '../..');
const PATTERNS = [
  /\b(?:message|code|reason):\s*'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g,
  /new DomainError\('([A-Z_]+)'/g,
  /\bissue\([^)]*?'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g,
];
/** Not error codes: internal markers and Node's own codes that the CLI translates itself. */
const NOT_ERRORS = new Set(['ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', 'MATCHED_BY_NUMBER', 'MATCHED_BY_EMAIL', 'MATCHED_BY_NAME_BIRTH_POSTCODE']);

/** What the dispatcher makes of zod's own issue codes (`INPUT_${code}`), e.g. an unknown atom. */
const ZOD_CODES = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'];

function codesInSource(): string[] {
  const found = new Set<string>([...ERROR_CODES, ...ZOD_CODES.map((c) => `INPUT_${c.toUpperCase()}`)]);
  for (const dir of ['src/main/core', 'src/main/cli', 'src/shared']) {
    for (const file of sourceFiles(path.join(root, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const re of PATTERNS) for (const m of text.matchAll(re)) if (m[1] && !NOT_ERRORS.has(m[1])) found.add(m[1]);
    }
  }
  return [...found].sort();
}

describe('error texts', () => {
  const codes = codesInSource();

  it('finds the codes in the source', () => {
    expect(codes).toEqual(expect.arrayContaining(['GROUP_UNKNOWN', 'CONDITION_CYCLE', 'VALIDATION_FAILED', 'POSTCODE_INVALID_FORMAT']));
  });

  it.each([['nl', nl], ['en', en]] as const)('has a %s text for every code', (_lng, catalogue) => {
    expect(codes.filter((c) => errorCodeText(catalogue, c) === null)).toEqual([]);
  });
});
