import { escapeJsonText } from './escape.ts';

/** About this many characters per piece: large enough for few writes, small enough that no run holds its whole output. */
const PIECE_CHARS = 1 << 20;

/**
 * `safeJson(value)` in pieces of whole lines: joined with "\n" they are exactly its text. The JSON of 50,000 plans
 * is about 100 MB; written piece by piece it is never one string (nor a copy of it per escape pass). The escapes
 * of safeJson act within a line, so each piece is escaped on its own.
 */
export function* safeJsonPieces(value: unknown, pieceChars = PIECE_CHARS): Generator<string> {
  let pending = '';
  for (const part of jsonParts(value, '', 0)) {
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
 * JSON.stringify(value, null, 2) as a sequence of parts, its nested lines indented by `indent`. The top object and
 * its arrays are opened up, so each finding or goal is one part; deeper, one JSON.stringify call is faster.
 */
function* jsonParts(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth < 2 && Array.isArray(value) && value.length > 0) {
    const inner = `${indent}  `;
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[\n' : ',\n'}${inner}`;
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonParts(item, inner, depth + 1);
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
        yield* jsonParts(v, inner, depth + 1);
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
