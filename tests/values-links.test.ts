import { describe, expect, it } from 'vitest';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { ACCEPTED, editUrl, REFUSED, website } from './values/links-cases.ts';

describe('link fields take http(s) only', () => {
  it.each(REFUSED)('$name', ({ changes, expected }) => {
    const files = withFiles(fixtureFiles('minimal'), changes);
    expect(diagnosticLines(files)).toEqual(expected);
    expect(load(files).workspace).toBeUndefined();
  });

  it.each(ACCEPTED)('$name', ({ url, rendered }) => {
    const { workspace, diagnostics } = load(withFiles(fixtureFiles('minimal'), { ...website(url) }));
    expect(diagnostics).toEqual([]);
    expect(workspace?.accountById.get('acme')?.plan.profile?.website).toBe(rendered);
  });

  it('an edit_url that is a web address is kept as written', () => {
    const { workspace } = load(withFiles(fixtureFiles('minimal'), editUrl('https://github.com/acme/plans/edit/main/')));
    expect(workspace?.settings.repository?.edit_url).toBe('https://github.com/acme/plans/edit/main/');
  });
});
