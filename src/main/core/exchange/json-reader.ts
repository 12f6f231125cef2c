import fs from 'node:fs';

/**
 * Reads a JSON document whose top level is an object, streaming the elements of chosen
 * top-level arrays one by one, so a file of hundreds of megabytes never becomes one string
 * (V8 strings top out around 512 MB) or one giant object tree. It only finds where each
 * value starts and ends; JSON.parse does the real parsing of every element, so anything
 * that is not strict JSON is still rejected.
 */
export interface JsonDocumentHandlers {
  /** Whether the array under this top-level key should be streamed element by element. */
  streams(key: string): boolean;
  /** A top-level key whose value is not streamed (the header fields). */
  onValue(key: string, value: unknown): void;
  onArrayStart(key: string): void;
  /** Return false to stop reading. */
  onElement(key: string, index: number, value: unknown): boolean | void;
  onArrayEnd(key: string, count: number): void;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
  }
}

const DEFAULT_CHUNK = 4 << 20;
const [QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON] = [34, 92, 123, 125, 91, 93, 44, 58];

class Scanner {
  private buf = '';
  private pos = 0;
  private eof = false;
  /** Newlines in the text already dropped from the buffer, and chars of its unfinished last line. */
  private droppedLines = 0;
  private droppedColumns = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly chunk: Buffer;

  constructor(
    private readonly fd: number,
    private readonly chunkSize: number,
  ) {
    this.chunk = Buffer.allocUnsafe(chunkSize);
    this.fill();
    if (this.buf.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private fill(): boolean {
    if (this.eof) return false;
    const n = fs.readSync(this.fd, this.chunk, 0, this.chunkSize, null);
    let text: string;
    try {
      text = this.decoder.decode(this.chunk.subarray(0, n), { stream: n > 0 });
    } catch {
      throw this.error('invalid UTF-8');
    }
    if (n === 0) this.eof = true;
    this.buf += text;
    return n > 0 || text.length > 0;
  }

  /** Drops consumed text once a chunk's worth has been read (amortised O(1) per char). */
  private compact(): void {
    if (this.pos < this.chunkSize) return;
    const dropped = this.buf.slice(0, this.pos);
    const lastNl = dropped.lastIndexOf('\n');
    if (lastNl === -1) this.droppedColumns += dropped.length;
    else {
      for (let nl = dropped.indexOf('\n'); nl !== -1; nl = dropped.indexOf('\n', nl + 1)) this.droppedLines++;
      this.droppedColumns = dropped.length - lastNl - 1;
    }
    this.buf = this.buf.slice(this.pos);
    this.pos = 0;
  }

  error(reason: string, at = this.pos): JsonSyntaxError {
    const lines = this.buf.slice(0, at).split('\n');
    const lastLine = lines.at(-1) ?? '';
    const column = (lines.length === 1 ? this.droppedColumns : 0) + lastLine.length + 1;
    return new JsonSyntaxError(reason, this.droppedLines + lines.length, column);
  }

  /** The next non-whitespace char code, or -1 at the end of input. */
  peek(): number {
    for (;;) {
      while (this.pos < this.buf.length) {
        const c = this.buf.charCodeAt(this.pos);
        if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return c;
        this.pos++;
      }
      this.compact();
      if (!this.fill()) return -1;
    }
  }

  expect(code: number, what: string): void {
    if (this.peek() !== code) throw this.error(`expected ${what}`);
    this.pos++;
  }

  /** Consumes one complete JSON value and returns its text and start position. */
  valueText(): { text: string; start: number } {
    if (this.peek() === -1) throw this.error('unexpected end of input');
    this.compact();
    const start = this.pos;
    let i = start;
    let depth = 0;
    let inString = false;
    const first = this.buf.charCodeAt(i);
    const scalar = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    for (;;) {
      if (i >= this.buf.length) {
        if (!this.fill()) {
          if (scalar && !inString) break;
          throw this.error('unexpected end of input', i);
        }
        continue;
      }
      const c = this.buf.charCodeAt(i);
      if (inString) {
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            i++;
            break;
          }
        }
      } else if (scalar) {
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 32 || c === 10 || c === 13 || c === 9) break;
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) {
          i++;
          break;
        }
      }
      i++;
    }
    this.pos = i;
    return { text: this.buf.slice(start, i), start };
  }

  parseValue(): unknown {
    const { text, start } = this.valueText();
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw this.error(`invalid JSON value (${e instanceof Error ? e.message.split('\n')[0] : 'parse error'})`, start);
    }
  }

  atEnd(): boolean {
    return this.peek() === -1;
  }

  take(code: number): boolean {
    if (this.peek() !== code) return false;
    this.pos++;
    return true;
  }
}

function readArray(s: Scanner, key: string, h: JsonDocumentHandlers): boolean {
  h.onArrayStart(key);
  let index = 0;
  if (!s.take(CLOSE_BRACKET)) {
    for (;;) {
      if (h.onElement(key, index++, s.parseValue()) === false) return false;
      if (s.take(COMMA)) continue;
      s.expect(CLOSE_BRACKET, "',' or ']'");
      break;
    }
  }
  h.onArrayEnd(key, index);
  return true;
}

/** Reads `file`; throws JsonSyntaxError (with line and column) on anything that is not JSON. */
export function readJsonDocument(file: string, h: JsonDocumentHandlers, opts: { chunkSize?: number } = {}): void {
  const fd = fs.openSync(file, 'r');
  try {
    const s = new Scanner(fd, opts.chunkSize ?? DEFAULT_CHUNK);
    s.expect(OPEN_BRACE, "'{' (the file must hold one JSON object)");
    if (s.take(CLOSE_BRACE)) {
      if (!s.atEnd()) throw s.error('unexpected text after the end of the document');
      return;
    }
    for (;;) {
      if (s.peek() !== QUOTE) throw s.error('expected a key');
      const key = s.parseValue() as string;
      s.expect(COLON, "':'");
      if (h.streams(key) && s.peek() === OPEN_BRACKET) {
        s.expect(OPEN_BRACKET, "'['");
        if (!readArray(s, key, h)) return;
      } else {
        h.onValue(key, s.parseValue());
      }
      if (s.take(COMMA)) continue;
      s.expect(CLOSE_BRACE, "',' or '}'");
      break;
    }
    if (!s.atEnd()) throw s.error('unexpected text after the end of the document');
  } finally {
    fs.closeSync(fd);
  }
}
