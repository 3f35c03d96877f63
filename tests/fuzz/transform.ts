import { isMap, parse, parseDocument, stringify, visit } from 'yaml';
import { type CaseFiles, toBytes } from './case.ts';

/** Changes of form that must not change a total: each takes the files and returns new ones. */

const decoder = new TextDecoder('utf-8');
const isPlansText = (rel: string) => /\.(ya?ml|mdx)$/.test(rel);

/** The YAML of a file and a function that puts edited YAML back (the frontmatter of an .mdx, or the whole file). */
function yamlOf(rel: string, bytes: Uint8Array): { yaml: string; rebuild: (yaml: string) => Uint8Array } {
  const text = decoder.decode(bytes);
  const close = rel.endsWith('.mdx') ? text.indexOf('\n---', 3) : -1;
  if (close === -1) return { yaml: text, rebuild: (yaml) => toBytes(yaml) };
  return { yaml: text.slice(4, close + 1), rebuild: (yaml) => toBytes(`---\n${yaml}${text.slice(close + 1)}`) };
}

/** mulberry32: the shuffles are a function of the saved seed, so a fixture replays the same order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const rand = random(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Shuffles the keys of every mapping of every file; sequences keep their order. */
export function reorderKeys(files: CaseFiles, seed: number): CaseFiles {
  const out: CaseFiles = {};
  for (const [rel, bytes] of Object.entries(files)) {
    if (!isPlansText(rel)) {
      out[rel] = bytes;
      continue;
    }
    const { yaml, rebuild } = yamlOf(rel, bytes);
    const doc = parseDocument(yaml);
    let n = 0;
    visit(doc, { Map: (_, map) => void (isMap(map) && (map.items = shuffled(map.items, seed + n++))) });
    out[rel] = rebuild(doc.toString({ lineWidth: 0 }));
  }
  return out;
}

/** Moves one account plan (chosen by index among the plans) into another folder below accounts/. */
export function movePlan(files: CaseFiles, index: number, folder: string): CaseFiles {
  const plans = Object.keys(files).filter((rel) => rel.startsWith('accounts/')).sort();
  if (plans.length === 0) return files;
  const rel = plans[index % plans.length]!;
  const out: CaseFiles = { ...files };
  delete out[rel];
  out[`accounts/${folder}${rel.slice(rel.lastIndexOf('/') + 1)}`] = files[rel]!;
  return out;
}

type Entry = { period: string; revenue: number; [k: string]: unknown };

/** Rewrites every plan's data (JSON-like) through `edit`, re-serialised as plain YAML. */
function editPlans(files: CaseFiles, pick: (rel: string) => boolean, edit: (data: Record<string, unknown>, rel: string) => void): CaseFiles {
  const out: CaseFiles = { ...files };
  for (const [rel, bytes] of Object.entries(files)) {
    if (!isPlansText(rel) || !pick(rel)) continue;
    const { yaml, rebuild } = yamlOf(rel, bytes);
    const data = parse(yaml) as Record<string, unknown>;
    edit(data, rel);
    out[rel] = rebuild(stringify(data, { lineWidth: 0 }));
  }
  return out;
}

/** Splits one plan's annual forecast entries of a year into four quarters of a quarter each (the year must have no quarters yet). */
export function splitAnnual(files: CaseFiles, index: number, year: string): { files: CaseFiles; split: number } {
  const plans = Object.keys(files).filter((rel) => rel.startsWith('accounts/')).sort();
  const target = plans[index % Math.max(1, plans.length)];
  let split = 0;
  const out = editPlans(files, (rel) => rel === target, (data) => {
    const forecast = (data['forecast'] ?? []) as Entry[];
    if (forecast.some((f) => f.period.startsWith(`${year}-Q`))) return;
    data['forecast'] = forecast.flatMap((f) => {
      if (f.period !== year) return [f];
      split++;
      return [1, 2, 3, 4].map((q) => ({ ...f, period: `${year}-Q${q}`, revenue: f.revenue / 4 }));
    });
  });
  return { files: out, split };
}

const MONEY_KEYS = new Set(['revenue', 'potential', 'spend', 'next_90_days']);

/** Multiplies every amount of money in every file by k: forecasts, goals, stretch, history, tiers' thresholds. */
export function scaleAmounts(files: CaseFiles, k: number): CaseFiles {
  const walk = (value: unknown, tiers: boolean): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, false));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const [key, v] of Object.entries(record)) {
        if (typeof v === 'number' && (MONEY_KEYS.has(key) || tiers)) record[key] = v * k;
        else walk(v, key === 'tiers');
      }
    }
  };
  return editPlans(files, () => true, (data) => walk(data, false));
}
