import type { FileKind } from '../../../schemas/index.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CachedFile, PlansCache } from './cache.ts';
import type { PlansFile } from './files.ts';
import { parseFile, yamlTextOf } from './parse.ts';
import { PositionIndex } from './position-index.ts';
import { validateData } from './validate.ts';
import { YamlSource } from './yaml-source.ts';

/** One plans file parsed and run through its schema, from the cache when its bytes were seen before. */
export interface LoadedFile {
  /** Diagnostics of decoding and parsing. */
  parse: Diagnostic[];
  /** Undefined when the YAML gave no data. */
  source?: YamlSource;
  body?: string;
  validated?: { ok: boolean; value?: unknown; diagnostics: Diagnostic[] };
}

export function loadFile(f: PlansFile, format: 'yaml' | 'mdx', kind: FileKind, cache: PlansCache | undefined): LoadedFile {
  const key = cache?.keyOf(f.display, f.rel, f.bytes);
  const entry = key === undefined ? undefined : cache!.get(key);
  const hit = entry && fromEntry(entry, f, format);
  if (hit) return hit;

  const parsed = parseFile(f.display, f.bytes, format);
  if (parsed.data === undefined) {
    if (key !== undefined) cache!.set({ key, parse: parsed.diagnostics, parsed: false });
    return { parse: parsed.diagnostics };
  }
  const diagnostics: Diagnostic[] = [];
  const result = validateData(kind, parsed.data, parsed.source, diagnostics);
  const validated = { ok: result.ok, ...(result.ok && { value: result.value }), diagnostics };
  if (key !== undefined) {
    cache!.set({
      key,
      parse: parsed.diagnostics,
      parsed: true,
      ...(parsed.body !== undefined && { mdx: { yamlText: parsed.source.text, body: parsed.body } }),
      index: parsed.index?.toCache() ?? null,
      validated,
    });
  }
  return { parse: parsed.diagnostics, source: parsed.source, ...(parsed.body !== undefined && { body: parsed.body }), validated };
}

/** The loaded file from a cache entry, or undefined when the entry does not fit the file (then it is parsed again). */
function fromEntry(entry: CachedFile, f: PlansFile, format: 'yaml' | 'mdx'): LoadedFile | undefined {
  if (!entry.parsed) return { parse: entry.parse };
  if ((format === 'mdx') !== (entry.mdx !== undefined)) return undefined;
  let text: string;
  try {
    text = entry.mdx ? entry.mdx.yamlText : yamlTextOf(f.bytes);
  } catch {
    return undefined;
  }
  let index: PositionIndex | null = null;
  if (entry.index) {
    // A copy: the deserialised array is a view on the whole entry's bytes, which it would otherwise keep alive for the run.
    const restored = PositionIndex.fromCache(text, entry.index.nodes.slice(), entry.index.values);
    if (!restored) return undefined;
    index = restored;
  }
  return {
    parse: entry.parse,
    source: new YamlSource(f.display, text, index),
    ...(entry.mdx && { body: entry.mdx.body }),
    ...(entry.validated && { validated: entry.validated }),
  };
}
