/** A field is a string, or an object list `{1 "41230" 6 "P123"}` as its flat elements `['1', '41230', '6', 'P123']`. */
export type SieField = string | readonly string[];

export interface SieTokens {
  /** `#TRANS`, `#VER`, …; `{` or `}` for a block line; `''` for a blank line. */
  label: string;
  fields: SieField[];
  /** Swedish description of a syntax error, or null. */
  problem: string | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const HASH = 0x23;

// Space, tab, a stray CR and the DOS end-of-file mark (Ctrl-Z) all separate fields.
const isSpace = (c: number): boolean => c <= 0x20;

interface Cursor {
  line: string;
  pos: number;
  problem: string | null;
}

/** Reads a quoted string starting at the opening quote. `\"` is a quote and `\\` a backslash. */
function readQuoted(cur: Cursor): string {
  const { line } = cur;
  const start = cur.pos + 1;
  const close = line.indexOf('"', start);
  const slash = line.indexOf('\\', start);
  if (close !== -1 && (slash === -1 || slash > close)) {
    cur.pos = close + 1;
    return line.slice(start, close);
  }
  let text = '';
  let i = start;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      cur.pos = i + 1;
      return text;
    }
    if (c === BACKSLASH && i + 1 < line.length) {
      const next = line.charCodeAt(i + 1);
      if (next === QUOTE || next === BACKSLASH) {
        text += line[i + 1];
        i += 2;
        continue;
      }
    }
    text += line[i];
    i++;
  }
  cur.pos = line.length;
  cur.problem ??= 'ett citattecken (") saknar sitt avslutande citattecken';
  return text;
}

/** Reads an unquoted field up to whitespace (and, inside an object list, up to `}`). */
function readBare(cur: Cursor, inList: boolean): string {
  const { line } = cur;
  const start = cur.pos;
  let i = start;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (isSpace(c) || (inList && c === CLOSE)) break;
    i++;
  }
  cur.pos = i;
  return line.slice(start, i);
}

function skipSpace(cur: Cursor): void {
  while (cur.pos < cur.line.length && isSpace(cur.line.charCodeAt(cur.pos))) cur.pos++;
}

function readList(cur: Cursor): string[] {
  const items: string[] = [];
  cur.pos++; // past {
  for (;;) {
    skipSpace(cur);
    if (cur.pos >= cur.line.length) {
      cur.problem ??= 'en objektlista ({…}) saknar avslutande }';
      return items;
    }
    const c = cur.line.charCodeAt(cur.pos);
    if (c === CLOSE) {
      cur.pos++;
      return items;
    }
    if (c === OPEN) {
      cur.problem ??= 'en objektlista ({…}) innehåller en ny {';
      cur.pos++;
      continue;
    }
    items.push(c === QUOTE ? readQuoted(cur) : readBare(cur, true));
  }
}

/**
 * Splits one SIE line into its label and fields: fields are separated by spaces or tabs, may be quoted
 * with `"` (escapes `\"` and `\\`), and an object list is written in braces.
 */
export function tokenizeSieLine(line: string): SieTokens {
  const cur: Cursor = { line, pos: 0, problem: null };
  skipSpace(cur);
  if (cur.pos >= line.length) return { label: '', fields: [], problem: null };

  const first = line.charCodeAt(cur.pos);
  if (first === OPEN || first === CLOSE) {
    const label = first === OPEN ? '{' : '}';
    cur.pos++;
    skipSpace(cur);
    const problem = cur.pos < line.length ? `oväntad text efter ${label}: ${line.slice(cur.pos).trim()}` : null;
    return { label, fields: [], problem };
  }
  if (first !== HASH) {
    return { label: '', fields: [], problem: 'raden börjar inte med en etikett (#…), { eller }' };
  }

  const label = readBare(cur, false);
  const fields: SieField[] = [];
  for (;;) {
    skipSpace(cur);
    if (cur.pos >= line.length) break;
    const c = line.charCodeAt(cur.pos);
    if (c === OPEN) fields.push(readList(cur));
    else if (c === QUOTE) fields.push(readQuoted(cur));
    else fields.push(readBare(cur, false));
  }
  return { label, fields, problem: cur.problem };
}
