/** Small edits of tests/fixtures/minimal for the values tests: each names the file and the text it replaces. */
import { readFileSync } from 'node:fs';

const fixture = (rel: string) => readFileSync(`tests/fixtures/minimal/${rel}`, 'utf8');

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

export type Changes = Record<string, string>;

/** accounts/acme.yaml with `from` replaced by `to`. */
export const acme = (from: string, to: string): Changes => ({ 'accounts/acme.yaml': replace(fixture('accounts/acme.yaml'), from, to) });
/** accounts/acme.yaml with extra top-level lines after "name: Acme". */
export const acmeWith = (lines: string): Changes => acme('name: Acme\n', `name: Acme\n${lines}\n`);
export const globex = (from: string, to: string): Changes => ({ 'accounts/globex.mdx': replace(fixture('accounts/globex.mdx'), from, to) });
export const workspace = (from: string, to: string): Changes => ({ 'workspace.yaml': replace(fixture('workspace.yaml'), from, to) });
/** workspace.yaml with extra top-level lines at the end. */
export const workspaceWith = (lines: string): Changes => ({ 'workspace.yaml': `${fixture('workspace.yaml')}${lines}\n` });
export const goals = (from: string, to: string): Changes => ({ 'goals.yaml': replace(fixture('goals.yaml'), from, to) });
export const ICP = 'scale: 5\ncriteria:\n  - { id: budget, name: Budget, weight: 2 }\n  - { id: fit, name: Fit, weight: 1 }\n';
