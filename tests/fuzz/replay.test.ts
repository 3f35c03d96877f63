import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from './case.ts';
import { PROPERTIES } from './properties.ts';
import { FIXTURES, REPO_PATH } from './run.ts';

// Every shrunk counterexample that `npm run fuzz` found and saved, replayed against its property. Cases whose fix
// is not merged yet wait in tests/fixtures/fuzz-pending/, which this does not read: replay those with
// FUZZ_FIXTURES=tests/fixtures/fuzz-pending npx vitest run tests/fuzz/replay.test.ts
const dir = process.env['FUZZ_FIXTURES'] ? REPO_PATH(process.env['FUZZ_FIXTURES']) : FIXTURES;
const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
const cases = folders.map((name) => ({ name, ...loadCase(join(dir, name)) }));

describe('saved fuzz cases', () => {
  it('each names a property that exists', () => {
    const known = new Set(PROPERTIES.map((p) => p.name));
    expect(cases.filter((c) => !known.has(c.property)).map((c) => `${c.name}: ${c.property}`)).toEqual([]);
  });

  it.each(cases)('$name still holds', async (c) => {
    await PROPERTIES.find((p) => p.name === c.property)!.check(c.case);
  });
});
