import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

const TODAY = '2026-11-24';
let box: Sandbox | undefined;
afterEach(() => box?.remove());

function run(args: string[], setup: (s: Sandbox) => void = () => {}) {
  box = makeSandbox();
  setup(box);
  const before = box.snapshot();
  const result = runScript('new', args, { cwd: box.dir, env: { TODAY } });
  return { ...result, before, after: box.snapshot(), box };
}

const OCTOBER = [
  'reviewer: max-roe',
  'date: 2026-10-20',
  'accounts:',
  '  - { account: acme, expectation: grow }',
  'actions:',
  '  - { description: Book the pilot, owner: ann-lee, due: 2026-11-10 }',
  '  - { description: Send the price list, owner: ann-lee, due: 2026-11-01, status: done }',
  '  - { description: Meet the buyer, owner: ann-lee, due: 2026-11-12, status: slipped, slips: 1 }',
  '',
].join('\n');

const hostile = [
  { name: 'an id that climbs out of accounts/', args: ['plan', '../escape', '--name', 'X', '--owner', 'ann-lee'], setup: () => {}, message: 'The plan id "../escape" is not an id: write lower-case letters, digits and hyphens, such as "acme-corp"; it becomes the file name accounts/<id>.yaml.' },
  { name: 'an owner not in team.yaml', args: ['plan', 'initech', '--name', 'Initech', '--owner', 'ann-le'], setup: () => {}, message: '--owner "ann-le" is not a person in team.yaml. Did you mean "ann-lee"?' },
  { name: 'a review of a person not in team.yaml', args: ['review', '--person', 'zed', '--month', '2026-11'], setup: () => {}, message: '--person "zed" is not a person in team.yaml. Use the id of someone listed there.' },
  { name: 'a plan that exists already', args: ['plan', 'acme', '--name', 'Acme', '--owner', 'ann-lee'], setup: () => {}, message: 'accounts/acme already has a plan (plans/accounts/acme.yaml); it is left unchanged. Choose another id or edit that plan.' },
  { name: 'a review that exists already', args: ['review', '--person', 'ann-lee', '--month', '2026-10'], setup: (s: Sandbox) => s.write({ 'reviews/2026-10/ann-lee.yaml': OCTOBER }), message: 'plans/reviews/2026-10/ann-lee.yaml already exists; it is left unchanged. Edit it, or remove it first to start again.' },
  {
    name: 'a target path that is a link to a file outside',
    args: ['review', '--person', 'ann-lee', '--month', '2026-11'],
    setup: (s: Sandbox) => {
      s.write({ 'reviews/2026-11/.keep': '' });
      symlinkSync(join(s.bystander, 'keep.txt'), join(s.plans, 'reviews/2026-11/ann-lee.yaml'));
    },
    message: 'plans/reviews/2026-11/ann-lee.yaml:1:1 error This symbolic link points outside the plans folder, and plans are read only from inside it. Copy the file into the plans folder instead of linking to it.\nThe plans folder has errors (npm run validate lists them); fix them before starting a new file.',
  },
  {
    name: 'a month folder that is a link outside',
    args: ['review', '--person', 'ann-lee', '--month', '2026-11'],
    setup: (s: Sandbox) => {
      s.write({ 'reviews/.keep': '' });
      symlinkSync(s.bystander, join(s.plans, 'reviews/2026-11'));
    },
    message: 'plans/reviews/2026-11:1:1 error This symbolic link points outside the plans folder, and plans are read only from inside it. Copy the file into the plans folder instead of linking to it.\nThe plans folder has errors (npm run validate lists them); fix them before starting a new file.',
  },
  {
    name: 'a month folder that is a link inside the plans folder',
    args: ['review', '--person', 'ann-lee', '--month', '2026-11'],
    setup: (s: Sandbox) => {
      s.write({ 'reviews/.keep': '', 'archive/.keep': '' });
      symlinkSync(join(s.plans, 'archive'), join(s.plans, 'reviews/2026-11'));
    },
    message: 'plans/reviews/2026-11:1:1 error This symbolic link points to a folder, and links to folders are not followed (their plans would be read twice). Remove the link; the folder is read where it is.\nThe plans folder has errors (npm run validate lists them); fix them before starting a new file.',
  },
  { name: 'a month written the wrong way', args: ['review', '--person', 'ann-lee', '--month', '11/2026'], setup: () => {}, message: '--month "11/2026" is not a month: write YYYY-MM, such as 2026-11.' },
  { name: 'a month in the future', args: ['review', '--person', 'ann-lee', '--month', '2027-01'], setup: () => {}, message: '--month 2027-01 is after this month (2026-11): a review records a meeting that was held.' },
  { name: 'no kind of file', args: [], setup: () => {}, message: 'Say what to start: "plan" or "review".\nUsage: npm run new -- plan <id> --name "Name" --owner <person> [--target] [--strategic] [--forecast N] [--plans DIR]\n       npm run new -- review --person <id> --month YYYY-MM [--plans DIR]' },
  { name: 'a plan with no name', args: ['plan', 'initech', '--owner', 'ann-lee'], setup: () => {}, message: '--name is missing: give the account\'s name, such as --name "Acme Corporation".' },
  { name: 'an option the command does not know', args: ['review', '--person', 'ann-lee', '--month', '2026-11', '--force'], setup: () => {}, message: "Unknown option '--force'.\nUsage: npm run new -- plan <id> --name \"Name\" --owner <person> [--target] [--strategic] [--forecast N] [--plans DIR]\n       npm run new -- review --person <id> --month YYYY-MM [--plans DIR]" },
  { name: 'an id with a slash', args: ['plan', 'emea/initech', '--name', 'Initech', '--owner', 'ann-lee'], setup: () => {}, message: 'The plan id "emea/initech" is not an id: write lower-case letters, digits and hyphens, such as "acme-corp"; it becomes the file name accounts/<id>.yaml.' },
  { name: 'an id with a control character', args: ['plan', 'ini\u001b[2Jtech', '--name', 'Initech', '--owner', 'ann-lee'], setup: () => {}, message: 'The plan id "ini\\u001b[2Jtech" is not an id: write lower-case letters, digits and hyphens, such as "acme-corp"; it becomes the file name accounts/<id>.yaml.' },
  { name: 'a name with a line break and an escape', args: ['plan', 'initech', '--name', 'Initech\nowner: bo-kim\u001b[2J', '--owner', 'ann-lee'], setup: () => {}, message: '--name "Initech\\nowner: bo-kim\\u001b[2J" holds a control character (a line break, tab or escape). Write the name on one line, as it should read.' },
  { name: 'month 13', args: ['review', '--person', 'ann-lee', '--month', '2026-13'], setup: () => {}, message: '--month "2026-13" is not a month: write YYYY-MM, such as 2026-11.' },
  { name: 'a person id with a control character', args: ['review', '--person', 'ann\u0007lee', '--month', '2026-11'], setup: () => {}, message: '--person "ann\\u0007lee" is not a person in team.yaml. Did you mean "ann-lee"?' },
  { name: 'a plans folder that does not exist', args: ['review', '--person', 'ann-lee', '--month', '2026-11', '--plans', 'nowhere'], setup: () => {}, message: 'The plans folder "nowhere" does not exist. Run from the repository root, or pass --plans with the folder that holds workspace.yaml.' },
  {
    name: 'a target path that is a link to a valid review inside the plans folder',
    args: ['review', '--person', 'ann-lee', '--month', '2026-11'],
    setup: (s: Sandbox) => {
      s.write({ 'reviews/2026-11/draft.txt': OCTOBER.replace('2026-10-20', '2026-11-02') });
      symlinkSync('draft.txt', join(s.plans, 'reviews/2026-11/ann-lee.yaml'));
    },
    message: 'plans/reviews/2026-11/ann-lee.yaml already exists; it is left unchanged. Edit it, or remove it first to start again.',
  },
  { name: 'a forecast the schema refuses: the written file fails validation and is removed', args: ['plan', 'initech', '--name', 'Initech', '--owner', 'ann-lee', '--forecast', '99999999999999999999'], setup: () => {}, message: 'plans/accounts/initech.yaml:23:32 error forecast[0].revenue must be at most 1000000000000000, got 100000000000000000000.\nThe new file did not validate, so it was not kept.' },
  { name: 'an id of 300 letters, a file name the file system refuses', args: ['plan', 'a'.repeat(300), '--name', 'Long', '--owner', 'ann-lee'], setup: () => {}, message: `The new file in plans/accounts/ has a name of 305 bytes ("${'a'.repeat(59)}…"), and a file system takes a name of at most 255 bytes here. Nothing was written: give it a shorter id.` },
  { name: 'a forecast that is not a number', args: ['plan', 'initech', '--name', 'Initech', '--owner', 'ann-lee', '--forecast', '1.2M'], setup: () => {}, message: '--forecast "1.2M" is not an amount: write a plain number, such as --forecast 250000.' },
  { name: 'an amount after --target, which takes none', args: ['plan', 'initech', '--name', 'Initech', '--owner', 'ann-lee', '--target', '250000'], setup: () => {}, message: '--target takes no value: it starts a target account (status: target, strategy: acquire). Give this year\'s forecast with --forecast "250000".' },
];

describe('npm run new refuses, located, and writes nothing', () => {
  it.each(hostile)('$name', ({ args, setup, message }) => {
    const r = run(args, setup);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(message);
    expect(r.stdout).toBe('');
    expect(r.after).toEqual(r.before);
  });
});

describe('npm run new writes a file that validates, and only that file', () => {
  it('starts a plan from the template', () => {
    const r = run(['plan', 'initech', '--name', 'Initech: labs', '--owner', 'bo-kim', '--forecast', '250000', '--strategic']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('plans/accounts/initech.yaml\n');
    const added = [...r.after.keys()].filter((k) => !r.before.has(k));
    expect(added).toEqual(['plans/accounts/initech.yaml']);
    const text = readFileSync(join(r.box.plans, 'accounts/initech.yaml'), 'utf8');
    expect(text).toContain('name: "Initech: labs"\n');
    expect(text).toContain('strategic: true\n');
    expect(text).toContain('  - { period: FY2027, revenue: 250000 }\n');
    expect(text).toMatch(/^status: current\n#.*\nstrategy: grow$/m);
    // The schema line for the editor, and a comment before each part, including those left to write.
    // It resolves from the file written, wherever the plans folder is (here a temporary folder, not this repository).
    const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(text.split('\n')[0]!)?.[1];
    expect(schema).toMatch(/schemas\/json\/account\.schema\.json$/);
    expect(existsSync(resolve(join(r.box.plans, 'accounts'), schema!))).toBe(true);
    for (const part of ['status', 'strategy', 'strategic', 'owner', 'last_reviewed', 'dimensions', 'forecast', 'stakeholders', 'objectives', 'actions']) {
      const lines = text.split('\n');
      expect(lines[lines.findIndex((l) => l.startsWith(`${part}:`)) - 1], part).toMatch(/^#/);
    }
    expect(text).toContain('#   swot: Strengths, weaknesses, opportunities and threats of our position at the account.\n');
    expect(text).toContain('#   exec_relationships: Leader-to-leader relationships between our executives and theirs.\n');
    expect(runScript('validate', [], { cwd: r.box.dir }).status).toBe(0);
  });

  it('starts a target account with --target: status target, strategy acquire, and the parts a target plan is expected to fill', () => {
    const r = run(['plan', 'initech', '--name', 'Initech', '--owner', 'bo-kim', '--target']);
    expect(r.stderr).toBe('');
    const text = readFileSync(join(r.box.plans, 'accounts/initech.yaml'), 'utf8');
    expect(text).toMatch(/^status: target\n#.*\nstrategy: acquire$/m);
    expect(text).toContain('forecast: []\n');
    expect(text).toContain('#   buying_process: How the account makes buying decisions.\n');
    expect(text).not.toContain('#   swot:');
    expect(runScript('validate', [], { cwd: r.box.dir }).status).toBe(0);
  });

  it('carries open actions into next month, leaves closed ones, and grows the slip count', () => {
    const r = run(['review', '--person', 'ann-lee', '--month', '2026-11'], (s) => s.write({ 'reviews/2026-10/ann-lee.yaml': OCTOBER }));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('plans/reviews/2026-11/ann-lee.yaml\n');
    const text = readFileSync(join(r.box.plans, 'reviews/2026-11/ann-lee.yaml'), 'utf8');
    expect(text).toContain('  - { description: Book the pilot, owner: ann-lee, due: 2026-11-10, status: planned }\n');
    expect(text).toContain('  - { description: Meet the buyer, owner: ann-lee, due: 2026-11-12, status: planned, slips: 2 }\n');
    expect(text).not.toContain('Send the price list');
    expect(text).toContain('date: 2026-11-24\n');
    expect(text).toContain('  - { account: acme, expectation: grow }\n');
    expect([...r.after.keys()].filter((k) => !r.before.has(k))).toEqual(['plans/reviews/2026-11', 'plans/reviews/2026-11/ann-lee.yaml']);
    expect(runScript('validate', [], { cwd: r.box.dir }).status).toBe(0);
  });
});

describe('npm run new pre-fills the review from the plans', () => {
  const plan = [
    'name: Acme', 'status: current', 'strategy: grow', 'owner: ann-lee', 'dimensions: { channel: direct, region: emea }', 'currency: EUR',
    'forecast:', '  - { period: FY2027-Q1, revenue: 100 }', '  - { period: FY2027-Q2, revenue: 200, confidence: 0.5 }',
    'actions:',
    '  - { id: pilot, description: Run the pilot, owner: ann-lee, due: 2026-04-20, status: in-progress }',
    '  - { description: Sign the order, owner: ann-lee, due: 2026-07-29 }',
    '  - { description: Send the survey, owner: ann-lee, due: 2026-04-02, status: done }',
    '  - { description: Plan the renewal, owner: ann-lee, due: 2026-07-30 }',
    '',
  ].join('\n');
  const march = ['reviewer: max-roe', 'date: 2026-03-20', 'accounts:', '  - { account: acme, expectation: hold }', 'actions:', '  - { description: Fix the invoice, owner: ann-lee, due: 2026-04-10, status: blocked }', ''].join('\n');

  it('fills this quarter\'s and next quarter\'s targets from the forecast, in the workspace currency, and lists the open plan actions due within 90 days', () => {
    const r = run(['review', '--person', 'ann-lee', '--month', '2026-04'], (s) => s.write({ 'accounts/acme.yaml': plan, 'reviews/2026-03/ann-lee.yaml': march }));
    expect(r.stderr).toBe('');
    const text = readFileSync(join(r.box.plans, 'reviews/2026-04/ann-lee.yaml'), 'utf8');
    // April 2026 is in FY2027-Q1 (the fiscal year starts in February); 100 and 200 EUR at 1.1.
    expect(text).toContain([
      '  - account: acme',
      '    expectation: hold',
      '    current: { target: 110, expected: 110, status: on-track }   # FY2027-Q1',
      '    next: { target: 220, expected: 220, status: on-track }   # FY2027-Q2',
    ].join('\n'));
    expect(text).toContain('date: 2026-04-30\n');
    // Carried as it stood (blocked), its outcome left to write.
    expect(text).toContain('  - { description: Fix the invoice, owner: ann-lee, due: 2026-04-10, status: blocked }\n');
    // Open plan actions due by 90 days after April (2026-07-29, included), naming the action they follow; done and later ones are left out.
    expect(text).toContain('  - { description: Run the pilot, owner: ann-lee, due: 2026-04-20, status: in-progress, account: acme, serves: pilot }\n');
    expect(text).toContain('  - { description: Sign the order, owner: ann-lee, due: 2026-07-29, status: planned, account: acme }\n');
    expect(text).not.toContain('Send the survey');
    expect(text).not.toContain('Plan the renewal');
    expect(runScript('validate', [], { cwd: r.box.dir }).status).toBe(0);
  });

  it('writes one line for an account whose plan commits nothing by quarter', () => {
    const r = run(['review', '--person', 'ann-lee', '--month', '2026-10']);
    const text = readFileSync(join(r.box.plans, 'reviews/2026-10/ann-lee.yaml'), 'utf8');
    expect(text).toContain('  - { account: acme, expectation: grow }\n');
    expect(text).not.toContain('current:');
  });
});

describe('npm run new carries only what still resolves', () => {
  it('drops the account (and what it served) of a plan removed since, keeping the action', () => {
    const withServes = OCTOBER.replace('due: 2026-11-10 }', 'due: 2026-11-10, account: old-co, serves: gone-objective }');
    const r = run(['review', '--person', 'ann-lee', '--month', '2026-11'], (s) => s.write({ 'reviews/2026-10/ann-lee.yaml': withServes }));
    expect(r.status).toBe(0);
    const text = readFileSync(join(r.box.plans, 'reviews/2026-11/ann-lee.yaml'), 'utf8');
    expect(text).toContain('  - { description: Book the pilot, owner: ann-lee, due: 2026-11-10, status: planned }\n');
    expect(runScript('validate', [], { cwd: r.box.dir }).status).toBe(0);
  });
});
