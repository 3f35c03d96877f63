import type { AccountPlan, FileKind } from '../../../schemas/index.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OwnDiagnostics } from '../model.ts';
import { fileKey, isJsonExact, type CachedFile, type PlansCache } from './cache.ts';
import { ownDiagnostics } from './link.ts';
import { isObject } from '../shared/own.ts';
import { knownReferences, referencesIn } from './references.ts';
import { AccountPlanSchema } from '../../../schemas/index.ts';
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
  /** A valid account plan's own checks (link.ts ownDiagnostics), found as it was loaded or kept by the parse cache. */
  own?: OwnDiagnostics;
}

/**
 * Files loaded by another run, by fileKey, to be used as they are (`reuse`), and where this run's go (`keep`): the base
 * of `check --base` shares every file whose bytes and names are the head's, its values, positions and diagnostics, which
 * no stage changes.
 */
export interface LoadedFiles {
  reuse?: ReadonlyMap<string, LoadedFile> | undefined;
  keep?: Map<string, LoadedFile> | undefined;
}

export function loadFile(f: PlansFile, format: 'yaml' | 'mdx', kind: FileKind, cache: PlansCache | undefined, shared: LoadedFiles = {}): LoadedFile {
  const sharedKey = shared.reuse || shared.keep ? fileKey(f) : undefined;
  const reused = sharedKey === undefined ? undefined : shared.reuse?.get(sharedKey);
  if (reused) {
    shared.keep?.set(sharedKey!, reused);
    // The file's entry stays in the pack: this run used it, through the run that read it.
    cache?.touch(sharedKey!);
    return reused;
  }
  const loaded = loadAnew(f, format, kind, cache);
  if (sharedKey !== undefined) shared.keep?.set(sharedKey, loaded);
  return loaded;
}

function loadAnew(f: PlansFile, format: 'yaml' | 'mdx', kind: FileKind, cache: PlansCache | undefined): LoadedFile {
  const key = cache?.keyOf(f);
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
  const own = kind === 'account' && result.ok ? ownDiagnostics({ file: f.display, source: parsed.source, plan: result.value as AccountPlan }) : undefined;
  if (key !== undefined) {
    cache!.set({
      key,
      parse: parsed.diagnostics,
      parsed: true,
      ...(parsed.body !== undefined && { mdx: { yamlText: parsed.source.text, body: parsed.body } }),
      index: parsed.index?.toCache() ?? null,
      numbers: parsed.source.numbers(),
      ...(kind === 'account' && isObject(parsed.data) && { top: parsed.source.topFields(Object.keys(parsed.data)) }),
      ...(kind === 'account' && isObject(validated.value) && { refs: referencesIn(AccountPlanSchema, validated.value) }),
      // Kept only when JSON gives them back as they are (as the findings cache keeps findings); else linking finds them again.
      ...(own && isJsonExact(own, 'dropped') && { own }),
      validated,
    });
  }
  return { parse: parsed.diagnostics, source: parsed.source, ...(parsed.body !== undefined && { body: parsed.body }), validated, ...(own && { own }) };
}

/**
 * The loaded file from a cache entry, or undefined when the entry does not fit the file (then it is parsed again). The
 * text of a YAML plan is its file's bytes, read only when a message points into it (a file the stat index vouched for
 * was not read), and its index is decoded then too; an index that does not fit the text is built again from it.
 */
function fromEntry(entry: CachedFile, f: PlansFile, format: 'yaml' | 'mdx'): LoadedFile | undefined {
  if (!entry.parsed) return { parse: entry.parse };
  if (entry.refs && isObject(entry.validated?.value)) knownReferences(AccountPlanSchema, entry.validated.value, entry.refs);
  if ((format === 'mdx') !== (entry.mdx !== undefined)) return undefined;
  const mdx = entry.mdx;
  // The entry is keyed on the file's bytes, which decoded when they were parsed, so they decode again.
  const text = mdx ? mdx.yamlText : () => yamlTextOf(f.bytes);
  const cached = entry.index;
  const index =
    cached === null || cached === undefined
      ? null
      : (source: string) => {
          const data = typeof cached === 'function' ? cached() : cached;
          return data && PositionIndex.fromCache(source, data.nodes, data.values);
        };
  return {
    parse: entry.parse,
    source: new YamlSource(f.display, text, index, entry.numbers, entry.top),
    ...(entry.mdx && { body: entry.mdx.body }),
    ...(entry.validated && { validated: entry.validated }),
    ...(entry.own && { own: entry.own }),
  };
}
