import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepos } from './helpers/git.ts';
import { editPlan, ROOT, runScript, type Sandbox } from './helpers/sandbox.ts';

/*
 * The README's check section shows the example organisation's own output. These tests run the same commands on
 * plans/ and compare byte for byte, so the guide cannot drift from what check prints.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The full report moved to docs/check.md, which the README's check section links. */
const REPORT = readFileSync(join(ROOT, 'docs/check.md'), 'utf8');
const baseRepo = baseRepos();

/** The first ``` block after the paragraph that starts with `lead`, without its fences. */
function blockAfter(lead: string): string {
  const at = REPORT.indexOf(`\n${lead}`);
  if (at < 0) throw new Error(`docs/check.md has no paragraph starting ${lead}`);
  const open = REPORT.indexOf('\n```\n', at);
  const close = REPORT.indexOf('\n```\n', open + 5);
  return REPORT.slice(open + 5, close + 1);
}

describe('the README’s check section (its full report in docs/check.md) shows what check prints', () => {
  it('the README links the full report', () => {
    expect(README).toContain('](docs/check.md)');
  });

  it('the example organisation’s report', () => {
    const r = runScript('check', ['--today', '2026-11-24'], { cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(blockAfter('On the example organisation in `plans/`'));
  });

  it('the change against main, and the gate’s verdict, for the branch the README describes', () => {
    const sb = baseRepo('plans');
    editPlan(sb, 'accounts/kaito-precision.mdx', '  - { period: FY2027-Q4, revenue: 390000, confidence: 0.85, note: Himeji line 4 analysers }\n', '  - { period: FY2027-Q4, revenue: 60000, confidence: 0.85, note: Himeji line 4 analysers }\n  - { period: FY2028-Q1, revenue: 330000, confidence: 0.85, note: Himeji line 4 analysers }\n');
    editPlan(sb, 'accounts/vestmark-pharma.mdx', '{ period: FY2027-Q4, revenue: 460000, confidence: 0.85', '{ period: FY2027-Q4, revenue: 560000, confidence: 0.85');
    const r = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24'], { cwd: sb.dir });
    expect(r.status).toBe(1);
    const change = blockAfter('For a branch where the Kaito Precision plan');
    const gate = blockAfter("The same run ends with the gate's verdict");
    expect(r.stdout).toContain(`\n\n${change}\n${gate}\n`);
  });

  it('the sentences quoted in "How the gate decides"', () => {
    const sb = baseRepo('plans');
    editPlan(sb, 'accounts/vestmark-pharma.mdx', '  - { period: FY2027-Q1, revenue: 380000 }', '  - { period: FY2027-Q1, revenue: 280000 }');
    const worse = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24'], { cwd: sb.dir });
    expect(worse.status).toBe(1);
    expect(worse.stdout).toContain('✗ FY2027 region: emea is now $509,090 short, $108,000 more than before; made worse by Vestmark Pharma SE; no note in this change explains it');
    expect(README).toContain('"is now $509,090 short, $108,000 more than before"');
    editPlan(sb, 'accounts/vestmark-pharma.mdx', '  - { period: FY2027-Q1, revenue: 280000 }', '  - { period: FY2027-Q1, revenue: 380000 }');
    editPlan(sb, 'accounts/vestmark-pharma.mdx', 'The forecast is 1.66 million euros', 'The forecast is 1.66 million euro');
    const still = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24'], { cwd: sb.dir });
    expect(still.status).toBe(0);
    expect(still.stdout).toContain('· FY2027 region: emea is still $401,090 short; this change did not make it worse.');
    expect(README).toContain('("is still $401,090 short; this change did not make it worse")');
  });
});
