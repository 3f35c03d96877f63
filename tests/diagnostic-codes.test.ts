import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics/codes.ts';
import { messageOf } from '../src/core/diagnostics/diagnose.ts';
import type { Diagnostic } from '../src/core/diagnostics/diagnostic.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { BAD_CASES } from './bad-input-cases.ts';
import { OS_ONLY, PERMISSIONS_BIND, REACH } from './diagnostic-reach-cases.ts';
import { makeSandbox } from './helpers/sandbox.ts';
import { fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { CASES as NARRATIVE_CASES } from './narrative-cases.ts';
import { acme, acmeWith, ICP } from './values/edit.ts';
import { REFUSED as KEYS } from './values/keys-cases.ts';
import { REFUSED as LINKS } from './values/links-cases.ts';
import { REFUSED as NUMBERS, TEXT_NOT_NUMBERS } from './values/numbers-cases.ts';
import { REFUSED as SETTINGS } from './values/settings-cases.ts';

/** The codes table (docs/codes.md, linked from the README): code → severity. */
function readmeCodes(): Map<string, string> {
  expect(readFileSync('README.md', 'utf8')).toContain('](docs/codes.md)');
  const readme = readFileSync('docs/codes.md', 'utf8');
  const section = readme.slice(readme.indexOf('<!-- section:codes -->'), readme.indexOf('<!-- /section:codes -->'));
  const rows = section.split('\n').map((line) => /^\| `([a-z0-9-]+)` \| (\w+) \|/.exec(line)).filter((m) => m !== null);
  return new Map(rows.map((m) => [m[1]!, m[2]!]));
}

const catalog = new Map(Object.entries(DIAGNOSTIC_CODES));
/** Every code seen in this file's runs, to show the runs reach a fair share of the catalog. */
const seen = new Set<string>();

function expectCatalogued(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    seen.add(d.code);
    expect(catalog.has(d.code), `"${d.code}" (${d.file}:${d.line}:${d.column}) is not in src/core/diagnostics/codes.ts`).toBe(true);
    expect(`${d.code} ${d.severity}`).toBe(`${d.code} ${catalog.get(d.code)!.severity}`);
  }
}

describe('the catalog of diagnostic codes', () => {
  it('is the README table, code for code and severity for severity', () => {
    expect([...readmeCodes()].sort()).toEqual([...catalog].map(([code, { severity }]) => [code, severity]).sort());
  });

  it('has kebab-case codes, each with a one-line meaning that no other code shares', () => {
    for (const [code, { meaning }] of catalog) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meaning).not.toContain('\n');
    }
    expect(new Set([...catalog.values()].map((c) => c.meaning)).size).toBe(catalog.size);
  });

  const fixtures = ['plans', ...readdirSync('tests/fixtures').map((name) => `tests/fixtures/${name}`)];
  it.each(fixtures)('covers every code validate emits on %s', (plansDir) => {
    expectCatalogued(readWorkspace(workingCopy({ plansDir })).diagnostics);
  });

  const tables = [
    ...BAD_CASES.map((c) => ({ name: `bad input: ${c.name}`, changes: c.changes })),
    ...[...KEYS, ...LINKS, ...NUMBERS, ...TEXT_NOT_NUMBERS, ...SETTINGS].map((c) => ({ name: `values: ${c.name}`, changes: c.changes })),
  ];
  it.each(tables)('covers every code of the case "$name"', ({ changes }) => {
    expectCatalogued(load(withFiles(fixtureFiles('minimal'), changes)).diagnostics);
  });

  it.each(NARRATIVE_CASES)('covers every code of the narrative case "$name"', ({ narrative, files, setup }) => {
    const sb = makeSandbox();
    try {
      sb.write({ 'accounts/globex.mdx': readFileSync('tests/fixtures/minimal/accounts/globex.mdx', 'utf8') + narrative, ...files });
      setup?.(sb);
      expectCatalogued(readWorkspace(workingCopy({ plansDir: 'plans', cwd: sb.dir })).diagnostics);
    } finally {
      sb.remove();
    }
  });

  it.each(REACH)('reaches $code: $name', async ({ code, diagnostics }) => {
    const found = await diagnostics();
    expectCatalogued(found);
    expect(found.map((d) => d.code)).toContain(code);
  });

  it.each(OS_ONLY)('reaches $code where permissions bind: $name', async ({ code, diagnostics }) => {
    if (!PERMISSIONS_BIND) {
      // Run as root the folder is listed; the message the code would carry is still the catalog's, from its data.
      expect(messageOf('unreadable-folder', { reason: 'EACCES' })).toBe('The folder cannot be read (EACCES), so its plans are not checked. Make it readable, or remove it.');
      return;
    }
    const found = await diagnostics();
    expectCatalogued(found);
    expect(found.map((d) => d.code)).toContain(code);
  });

  // Last in the file: the runs above, together, raise every code of the catalog, so each message function has run.
  it('raises every code of the catalog in the runs above', () => {
    const unreachable = new Set<string>(PERMISSIONS_BIND ? [] : OS_ONLY.map((c) => c.code));
    expect([...catalog.keys()].filter((code) => !seen.has(code) && !unreachable.has(code))).toEqual([]);
  });
});

/** Codes that once meant two things, each now split in two: one row per meaning, with the code it gets. */
const SPLITS = [
  { name: 'a number past a schema bound is out-of-range', changes: acme('confidence: 0.5', 'confidence: 2'), code: 'out-of-range' },
  { name: 'an ICP score above the scale of icp.yaml is icp-score-above-scale', changes: { ...acmeWith('icp: { budget: 9 }'), 'icp.yaml': ICP }, code: 'icp-score-above-scale' },
  { name: 'a field naming someone not in team.yaml is unknown-person', changes: acme('owner: ann-lee', 'owner: ann-le'), code: 'unknown-person' },
  { name: 'a review file named after nobody in team.yaml is unknown-review-person', changes: { 'reviews/2026-11/ann-le.yaml': 'reviewer: max-roe\ndate: 2026-11-20\n' }, code: 'unknown-review-person' },
];

describe('codes split so that each has one meaning', () => {
  it.each(SPLITS)('$name', ({ changes, code }) => {
    const { diagnostics } = load(withFiles(fixtureFiles('minimal'), changes));
    expectCatalogued(diagnostics);
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
  });
});
