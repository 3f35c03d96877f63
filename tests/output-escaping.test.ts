import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../src/core/report/escape.ts';
import { formatGithubAnnotation } from '../src/core/report/github.ts';
import { defuseCommands, safeJson } from '../src/core/report/escape.ts';
import { oneLine } from '../src/core/shared/text.ts';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

let sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes) s.remove();
  sandboxes = [];
});

const FORGED = '::error file=plans/team.yaml,line=1,col=1::forged';
const ACME = 'status: current\nstrategy: grow\nowner: ann-lee\ndimensions: { channel: direct, region: emea }\nforecast:\n  - { period: FY2027-Q1, revenue: 100 }\n';

const HISTORY = 'history:\n  - { period: FY2026, revenue: 5000 }\n';
const WORKSPACE = 'currency: USD\nfiscal_year_start_month: 2\ndimensions:\n  channel: [direct, partner]\n  region: [americas, emea]\nfx: { EUR: 1.1 }\n';

/** Plan text that tries to start a line of its own in the output of validate and check; `shows` is how the output writes it. */
const cases: { name: string; files: Record<string, string>; cwdIsPlans?: boolean; shows: string }[] = [
  {
    name: 'a newline in a stakeholder name',
    files: { 'accounts/acme.yaml': `name: Acme\n${ACME}stakeholders:\n  - { id: maria, name: "Maria\\n${FORGED}", roles: [decision-maker] }\n` },
    shows: `Maria\\n${FORGED} is a key stakeholder`,
  },
  { name: 'a newline in a YAML key', files: { 'accounts/acme.yaml': `name: Acme\n${ACME}"notes\\n${FORGED}": 1\n` }, shows: `"notes\\n${FORGED}" is not a field` },
  { name: 'a newline in an account name', files: { 'accounts/acme.yaml': `name: "Acme\\n${FORGED}"\n${ACME}${HISTORY}` }, shows: `Acme\\n${FORGED} is #1 of 1` },
  {
    name: 'a newline in a goal scope value',
    files: { 'goals.yaml': `goals:\n  - { period: FY2027, scope: { channel: "direct\\n${FORGED}" }, revenue: 600 }\n` },
    shows: `"direct\\n${FORGED}"`,
  },
  {
    name: 'a newline in the name of the person a goal is scoped to',
    files: {
      'team.yaml': `people:\n  - { id: ann-lee, name: "Ann\\n${FORGED}", role: account-executive, manager: max-roe }\n  - { id: bo-kim, name: Bo Kim, role: account-executive, manager: max-roe }\n  - { id: max-roe, name: Max Roe, role: sales-manager, manager: eva-cho }\n  - { id: eva-cho, name: Eva Cho, role: executive }\n`,
    },
    shows: `FY2027-Q1 owner: Ann\\n${FORGED}`,
  },
  { name: 'a carriage return in a goal name', files: { 'goals.yaml': `goals:\n  - { period: FY2027, name: "Company\\r${FORGED}", revenue: 100000 }\n` }, shows: `Company\\r${FORGED} is $99,580 short` },
  // FORGED holds a "/", so the name is a folder "evil\n::error file=plans" and a file in it: the folder is the error (invisible-name).
  { name: 'a plan file named with a newline', files: { [`accounts/evil\n${FORGED}.yaml`]: `name: Evil\n${ACME}` }, shows: 'plans/accounts/evil\\n::error file=plans:1:1 error The folder name "evil\\n::error file=plans" holds a control character' },
  {
    name: 'a plan file named as a workflow command, read from inside the plans folder',
    files: { '::stop-commands::tok.yaml': 'a: 1\n' },
    cwdIsPlans: true,
    shows: '\\::stop-commands::tok.yaml:1:1 warning',
  },
  {
    name: 'terminal escape sequences in the company name',
    files: { 'workspace.yaml': `company: "\\e[2J\\e]0;owned\\a\\e[31mMinimal"\n${WORKSPACE}` },
    shows: '\\u001b[2J\\u001b]0;owned\\u0007\\u001b[31mMinimal: plans against goals',
  },
  {
    name: 'stop-commands in a stakeholder name, after a line separator',
    files: { 'accounts/acme.yaml': `name: Acme\n${ACME}stakeholders:\n  - { id: maria, name: "Maria\\L::stop-commands::pwned", roles: [decision-maker] }\n` },
    shows: 'Maria\\u2028::stop-commands::pwned is a key stakeholder',
  },
  {
    name: 'a legacy ##[ command and bidi overrides in an account name',
    files: { 'accounts/acme.yaml': `name: "Acme ##[error]legacy \\u202Egnp.exe\\u2066"\n${ACME}${HISTORY}` },
    shows: 'Acme ##\\[error]legacy \\u202egnp.exe\\u2066 is #1 of 1',
  },
  {
    name: 'a next-line control (NEL) before a command in an objective',
    files: { 'accounts/acme.yaml': `name: Acme\n${ACME}objectives:\n  - { id: "o\\N::error::x", text: "grow" }\n` },
    shows: '"o\\u0085::error::x"',
  },
];

/** The lines GitHub would take as workflow commands: after leading whitespace (as the runner trims it), "::" or, anywhere, "##[". */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u0085|\u2028|\u2029/).filter((l) => /^[\s\u0085]*::/.test(l) || l.includes('##['));
}

/** An annotation the tool itself writes: level, file, line, column and title with ":" and "," encoded, then the message. */
const OWN_ANNOTATION = /^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+(,title=[^:,]*)?::/;

/** How many annotations check prints for these severities: at most 10 per level, and a last notice when some do not fit. */
function annotationCount(severities: string[]): number {
  const per = (level: string) => severities.filter((s) => s === level).length;
  const counts = ['error', 'warning', 'info'].map(per);
  const kept = counts.reduce((sum, n) => sum + Math.min(n, 10), 0);
  const dropped = counts.reduce((sum, n) => sum + Math.max(n - 10, 0), 0);
  return dropped === 0 ? kept : per('info') >= 10 ? kept : kept + 1;
}

describe('plan text cannot start a line of its own in any output', () => {
  it.each(cases)('$name', ({ files, cwdIsPlans, shows }) => {
    const sb = makeSandbox();
    sandboxes.push(sb);
    sb.write(files);
    const cwd = cwdIsPlans ? sb.plans : sb.dir;
    const plans = cwdIsPlans ? '.' : 'plans';
    const before = sb.snapshot();
    const summary = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };

    // The JSON says how many diagnostics and findings there are: each gets exactly one line elsewhere.
    const json = runScript('check', ['--plans', plans, '--json', '--today', '2026-11-24'], { cwd });
    expect(json.stdout).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    const parsed = JSON.parse(json.stdout) as { goals: { met: boolean }[]; diagnostics: { severity: string }[]; findings?: { severity: string }[] };
    const notes = parsed.diagnostics.length + (parsed.findings?.length ?? 0);

    const validate = runScript('validate', ['--plans', plans], { cwd });
    expect(validate.stdout.split('\n')).toHaveLength(parsed.diagnostics.length + 2);
    const github = runScript('validate', ['--plans', plans, '--format', 'github'], { cwd });
    const annotations = github.stdout.split('\n').slice(0, -2);
    expect(annotations).toHaveLength(parsed.diagnostics.length);
    for (const line of annotations) expect(line).toMatch(OWN_ANNOTATION);

    const check = runScript('check', ['--plans', plans, '--today', '2026-11-24'], { cwd, env });
    const own = check.stdout.split('\n').filter((l) => OWN_ANNOTATION.test(l));
    const severities = [...parsed.diagnostics, ...(parsed.findings ?? [])].map((n) => n.severity).concat(parsed.goals.filter((g) => !g.met).map(() => 'error'));
    expect(severities).toHaveLength(notes + parsed.goals.filter((g) => !g.met).length);
    expect(own).toHaveLength(json.status === 2 ? parsed.diagnostics.length : annotationCount(severities));
    expect(commandLines(check.stdout).filter((l) => !OWN_ANNOTATION.test(l))).toEqual([]);
    for (const out of [validate.stdout, validate.stderr, json.stdout, check.stderr, readFileSync(summary, 'utf8')]) expect(commandLines(out)).toEqual([]);
    expect(check.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(readFileSync(summary, 'utf8')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(`${validate.stdout}${check.stdout}`).toContain(shows);
    expect(sb.snapshot()).toEqual(before);
    expect(existsSync(summary)).toBe(true);
  });
});

describe('the one-line escaper', () => {
  it.each([
    { name: 'a newline and a carriage return', text: 'a\nb\r\nc', safe: 'a\\nb\\r\\nc' },
    { name: 'an escape sequence and a bell', text: '\u001b[2J\u0007', safe: '\\u001b[2J\\u0007' },
    { name: 'C1 controls, NEL included', text: 'x\u0085y\u009bz', safe: 'x\\u0085y\\u009bz' },
    { name: 'line and paragraph separators', text: 'p\u2028q\u2029r', safe: 'p\\u2028q\\u2029r' },
    { name: 'bidi overrides and isolates', text: '\u202egnp.exe\u2066\u2069', safe: '\\u202egnp.exe\\u2066\\u2069' },
    { name: 'a legacy workflow command', text: 'x ##[error]y', safe: 'x ##\\[error]y' },
    { name: 'plain text, unchanged', text: 'Müller & Söhne: 50% [draft]', safe: 'Müller & Söhne: 50% [draft]' },
  ])('$name', ({ text, safe }) => {
    expect(oneLine(text)).toBe(safe);
    expect(oneLine(oneLine(text))).toBe(safe);
  });

  it('cuts a flood of text at print time, saying so, and stays within the limit', () => {
    const cut = oneLine('x'.repeat(50_000));
    expect(cut.length).toBeLessThanOrEqual(2000);
    expect(cut.endsWith('… (cut: 50000 characters)')).toBe(true);
    expect(oneLine(cut)).toBe(cut);
  });

  it('encodes an annotation so that neither its properties nor its message can end it', () => {
    expect(formatGithubAnnotation({ file: 'a,b:c\n::x', line: 1, column: 2, severity: 'warning', title: 't:1', message: '100%\n::error::y' })).toBe(
      '::warning file=a%2Cb%3Ac\\n%3A%3Ax,line=1,col=2,title=t%3A1::100%25\\n::error::y',
    );
  });

  it('defuses, at the output edge, any line that would be a command, whatever whitespace comes first', () => {
    expect(defuseCommands('ok\n::error::x\n  ::warning::y\r\u00a0::z\n##[group]w')).toBe('ok\n\\::error::x\n  \\::warning::y\r\u00a0\\::z\n##\\u005bgroup]w');
  });

  it('writes JSON whose values are unchanged but whose bytes hold no line separator or bidi mark', () => {
    const value = { name: 'a\u2028b\u202ec\u0085 ##[x' };
    expect(safeJson(value)).toBe('{\n  "name": "a\\u2028b\\u202ec\\u0085 ##\\u005bx"\n}');
    expect(JSON.parse(safeJson(value))).toEqual(value);
  });

  it.each([
    { name: 'HTML', text: '<img src=x onerror=alert(1)> & co', md: '&lt;img src=x onerror=alert(1)&gt; &amp; co' },
    { name: 'a table pipe and a link', text: 'a | [click](https://x.test)', md: 'a \\| \\[click\\](https&#8203;://x.test)' },
    // GitHub links these in a comment or summary even escaped: a zero-width space makes each inert and reads the same.
    { name: 'issue references, in this repository and another', text: '#1 other-org/repo#2 GH-3', md: '\\#&#8203;1 other-org/repo\\#&#8203;2 GH&#8203;-3' },
    { name: 'a URL and a www. address', text: 'https://evil.example/sso www.evil.example', md: 'https&#8203;://evil.example/sso www&#8203;.evil.example' },
    { name: 'a commit hash and an org/repo@sha reference', text: 'deadbeef12 org/repo@a1b2c3d', md: 'dea&#8203;dbeef12 org/repo@&#8203;a1b&#8203;2c3d' },
    { name: 'an email address', text: 'ceo@evil.example', md: 'ceo@&#8203;evil.example' },
    { name: 'numbers and words stay as they are', text: 'FY2027 1234567 decade', md: 'FY2027 1234567 decade' },
    { name: 'a heading at the start', text: '# Owned', md: '\\# Owned' },
    { name: 'a list or quote marker at the start', text: '- item', md: '\\- item' },
    { name: 'an ordered list marker at the start', text: '1. first', md: '1\\. first' },
    { name: 'a newline, shown and not obeyed', text: 'a\n## b', md: 'a\\\\n\\#\\# b' },
    { name: 'backticks and emphasis', text: '`code` *bold* _it_', md: '\\`code\\` \\*bold\\* \\_it\\_' },
  ])('escapes Markdown in the step summary: $name', ({ text, md }) => {
    expect(escapeMarkdown(text)).toBe(md);
  });
});
