import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';
import { CASES, PNG } from './narrative-cases.ts';

// The narrative of tests/fixtures/minimal/accounts/globex.mdx ends at line 15; each case appends
// lines from line 16 on, so every expected line number below is the line the text was written on.
const GLOBEX = readFileSync('tests/fixtures/minimal/accounts/globex.mdx', 'utf8');
const FILE = 'plans/accounts/globex.mdx';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

describe('validate checks a narrative as the site will render it', () => {
  it.each(CASES)('$name', ({ narrative, files, setup, status, lines }) => {
    const sb = (sandbox = makeSandbox());
    sb.write({ 'accounts/globex.mdx': GLOBEX + narrative, ...files });
    setup?.(sb);
    const before = sb.snapshot();
    const r = runScript('validate', ['--plans', 'plans'], { cwd: sb.dir });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('plans/'))).toEqual(lines);
    expect(r.status).toBe(status);
    expect(r.stderr).toBe('');
    expect(sb.snapshot()).toEqual(before);
  });

  it('reads the bytes of an image once: a big one is refused before it is read', () => {
    const sb = (sandbox = makeSandbox());
    sb.write({ 'accounts/globex.mdx': `${GLOBEX}\n![big](./big.png)\n` });
    writeFileSync(join(sb.plans, 'accounts/big.png'), Buffer.concat([Buffer.from(PNG), Buffer.alloc(5 * 1024 * 1024)]));
    const r = runScript('validate', ['--plans', 'plans'], { cwd: sb.dir });
    expect(r.stdout.split('\n')[0]).toBe(`${FILE}:17:1 error The image "./big.png" is 5.0 MB; images in plans are at most 5 MB. Export it smaller or as JPEG.`);
    expect(r.status).toBe(2);
  });
});
