import { escapeJsonText } from './escape.ts';

/** Items of a list in the top object written by one JSON.stringify call. */
const RUN = 256;

/** About this many characters per piece: large enough for few writes, small enough that no run holds its whole output. */
const PIECE_CHARS = 1 << 20;

/**
 * `safeJson(value)` in pieces of whole lines: joined with "\n" they are exactly its text. The JSON of 50,000 plans
 * is about 100 MB; written piece by piece it is never one string (nor a copy of it per escape pass). The escapes
 * of safeJson act within a line, so each piece is escaped on its own.
 */
export function* safeJsonPieces(value: unknown, pieceChars = PIECE_CHARS, run = RUN): Generator<string> {
  let pending = '';
  for (const part of jsonParts(value, '', 0, run)) {
    pending += part;
    if (pending.length < pieceChars) continue;
    const cut = pending.lastIndexOf('\n');
    if (cut === -1) continue;
    yield escapeJsonText(pending.slice(0, cut));
    pending = pending.slice(cut + 1);
  }
  yield escapeJsonText(pending);
}

/**
 * JSON.stringify(value, null, 2) as a sequence of parts, its nested lines indented by `indent`. The top object is
 * opened up, and its lists written `run` items at a time, so no part is large; deeper, one JSON.stringify call is faster.
 */
function* jsonParts(value: unknown, indent: string, depth: number, run: number): Generator<string> {
  if (depth === 1 && Array.isArray(value) && value.length > 0) {
    // The items of a list in the top object (the findings, the goals): a run of them in one JSON.stringify call,
    // indented once, is the same text as each on its own, for a tenth of the calls.
    for (let from = 0; from < value.length; from += run) {
      const text = JSON.stringify(value.slice(from, from + run), null, 2);
      const items = text.slice(1, -2).replaceAll('\n', `\n${indent}`);
      yield from === 0 ? `[${items}` : `,${items}`;
    }
    yield `\n${indent}]`;
    return;
  }
  if (depth < 2 && Array.isArray(value) && value.length > 0) {
    const inner = `${indent}  `;
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[\n' : ',\n'}${inner}`;
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonParts(item, inner, depth + 1, run);
    }
    yield `\n${indent}]`;
    return;
  }
  if (depth < 2 && isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length > 0) {
      const inner = `${indent}  `;
      for (const [i, [key, v]] of entries.entries()) {
        yield `${i === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
        yield* jsonParts(v, inner, depth + 1, run);
      }
      yield `\n${indent}}`;
      return;
    }
  }
  const text = JSON.stringify(value, null, 2);
  yield indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
