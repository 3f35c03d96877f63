import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { generateWorkspace } from '../scripts/lib/generate.ts';

describe('generated workspaces for benchmarks', () => {
  it('are valid plans folders of the requested size, YAML and MDX', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-'));
    generateWorkspace(dir, { accounts: 60, seed: 7, mdx: 0.3 });
    const { workspace, diagnostics } = readWorkspace(workingCopy({ plansDir: dir }));
    expect(diagnostics).toEqual([]);
    expect(workspace?.accounts).toHaveLength(60);
    expect(workspace?.accounts.some((a) => a.format === 'mdx')).toBe(true);
  });

  it('repeat exactly for the same seed and differ for another', () => {
    const [a, b, c] = [7, 7, 8].map((seed) => {
      const dir = mkdtempSync(join(tmpdir(), 'gen-'));
      generateWorkspace(dir, { accounts: 5, seed });
      return readFileSync(join(dir, 'accounts/account-00003.yaml'), 'utf8');
    });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
