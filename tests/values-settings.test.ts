import { describe, expect, it } from 'vitest';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { workspaceWith } from './values/edit.ts';
import { REFUSED } from './values/settings-cases.ts';

describe('workspace settings that name something defined elsewhere', () => {
  it.each(REFUSED)('$name', ({ changes, expected }) => {
    const files = withFiles(fixtureFiles('minimal'), changes);
    expect(diagnosticLines(files)).toEqual(expected);
    expect(load(files).workspace).toBeUndefined();
  });

  it.each([
    { name: 'a rule dimension that exists is accepted', settings: '{ dimension: region }' },
    { name: 'a rule left at its default dimension is accepted', settings: '{ share: 0.5 }' },
  ])('$name', ({ settings }) => {
    const { diagnostics, workspace } = load(withFiles(fixtureFiles('minimal'), workspaceWith(`rules:\n  top-account-without-plan: ${settings}`)));
    expect(diagnostics).toEqual([]);
    expect(workspace).toBeDefined();
  });
});
