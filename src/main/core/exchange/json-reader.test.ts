import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { JsonSyntaxError, readJsonDocument } from './json-reader';

const dir = tempDir();
afterAll(() => dir.cleanup());

function read(text: string | Buffer, chunkSize: number) {
  const file = path.join(dir.dir, 'doc.json');
  fs.writeFileSync(file, text);
  const values: Record<string, unknown> = {};
  const arrays: Record<string, unknown[]> = {};
  readJsonDocument(
    file,
    {
      streams: (k) => k.startsWith('list'),
      onValue: (k, v) => void (values[k] = v),
      onArrayStart: (k) => void (arrays[k] = []),
      onElement: (k, _i, v) => void arrays[k]?.push(v),
      onArrayEnd: () => undefined,
    },
    { chunkSize },
  );
  return { values, arrays };
}

const tricky = {
  format: 'x',
  version: 1,
  list: [
    { s: 'braces } ] { [ and "quotes" and \\ backslashes', n: -1.5e3, t: true, z: null },
    { s: 'Zoë Öztürk 🎉 ’t Hart', nested: { a: [1, [2, [3]]], b: {} } },
    'a plain string',
    42,
    [],
  ],
  after: { kept: ['as', 'one', 'value'] },
  listEmpty: [],
};

describe('streaming JSON reader', () => {
  for (const chunkSize of [1, 2, 3, 7, 64, 4096]) {
    it(`reads the same values as JSON.parse with ${chunkSize}-byte chunks (split strings, escapes, multi-byte characters)`, () => {
      for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2), `\uFEFF${JSON.stringify(tricky, null, '\t')}\r\n`]) {
        const { values, arrays } = read(text, chunkSize);
        expect(values).toEqual({ format: 'x', version: 1, after: tricky.after });
        expect(arrays).toEqual({ list: tricky.list, listEmpty: [] });
      }
    });
  }

  it('rejects what is not JSON with a line and column', () => {
    const cases: [string, number, number][] = [
      ['{"list": [1, 2,, 3]}', 1, 16],
      ['{\n  "list": [\n    {"a": 1}\n    {"b": 2}\n  ]\n}', 4, 5],
      ['{"a": 1} trailing', 1, 10],
      ['[1, 2]', 1, 1],
      ['{"list": [1, 2]', 1, 16],
      ['{"a": tru}', 1, 7],
    ];
    for (const [text, line, column] of cases) {
      for (const chunkSize of [3, 4096]) {
        try {
          read(text, chunkSize);
          expect.unreachable(`accepted: ${text}`);
        } catch (e) {
          expect(e, text).toBeInstanceOf(JsonSyntaxError);
          expect({ line: (e as JsonSyntaxError).line, column: (e as JsonSyntaxError).column }, `${text} (${chunkSize})`).toEqual({ line, column });
        }
      }
    }
  });

  it('rejects invalid UTF-8', () => {
    expect(() => read(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 4096)).toThrow(JsonSyntaxError);
  });
});
