import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRun } from '../src/core/engine/check.ts';
import { Run } from '../src/core/engine/run.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { renderModelText } from '../src/core/report/check-text.ts';
import { renderComment } from '../src/core/report/comment.ts';
import { toJson } from '../src/core/report/json.ts';
import { markdownOf, renderModelSummary } from '../src/core/report/markdown.ts';
import { buildReportModel, NO_LEVER, plainText, type ReportModel } from '../src/core/report/model.ts';
import { baseRepos } from './helpers/git.ts';
import { editPlan, ROOT } from './helpers/sandbox.ts';

const baseRepo = baseRepos();

/** A report over the rollup fixture with a change against main: missed goals, a not-phased note, a gate, findings. */
function changedModel(): ReportModel {
  const sb = baseRepo('tests/fixtures/rollup-basic');
  editPlan(sb, 'accounts/acme.yaml', 'revenue: 100', 'revenue: 10');
  const result = checkRun(Run.of(workingCopy({ plansDir: 'plans', cwd: sb.dir }), { today: '2026-11-24' }), { base: 'main', plansDir: 'plans', cwd: sb.dir });
  if (!result.valid) throw new Error('the fixture is invalid');
  return buildReportModel(result.report);
}

describe('one report model, four renderings', () => {
  it('the terminal, the step summary, the comment and the JSON all say what the model says', () => {
    const model = changedModel();
    const text = renderModelText(model).join('\n');
    const summary = renderModelSummary(model);
    const comment = renderComment(model.report);
    const json = toJson(model.report) as { goals: { label: string }[]; gate: { passed: boolean } };

    expect(model.change?.rows.length).toBeGreaterThan(0);
    expect(model.gate?.lines.length).toBeGreaterThan(0);
    expect(model.notes.some((n) => n.note.short)).toBe(true);
    expect(model.notes.some((n) => n.note.notPhased)).toBe(true);

    // Every sentence of the model, in the terminal as plain text and in Markdown as Markdown.
    for (const { note } of model.notes) {
      for (const sentence of [note.notPhased, note.short?.text].filter((s) => s !== undefined)) {
        expect(text).toContain(plainText(sentence));
        expect(summary).toContain(markdownOf(sentence));
      }
      if (note.short?.noLever) expect(text).toContain(note.short.noLever);
    }
    for (const line of model.gate!.lines) {
      expect(text).toContain(`${line.text}.`);
      expect(summary).toContain(line.text.slice(0, 20));
      expect(comment).toContain(line.text.slice(0, 20));
    }
    for (const row of model.change!.rows.filter((r) => r.moved)) {
      for (const cell of [row.target, row.before, row.after, row.change, row.status]) {
        expect(text).toContain(cell);
        expect(summary).toContain(`| ${cell} |`);
        expect(comment).toContain(`| ${cell} |`);
      }
    }
    expect(text).toContain(model.summary.text);
    // The JSON is the report's contract shape, for the same goals and verdict.
    expect(json.goals.map((g) => g.label)).toEqual(model.goals.map((g) => g.label));
    expect(json.gate.passed).toBe(model.gate!.passed);
  });

  it('says a goal without levers the same way everywhere (the terminal’s sentence, which says what counts as a lever)', () => {
    expect(NO_LEVER).toBe('No plan in scope has stretch, an unsure target or last year\'s sales without a forecast: add accounts or revise the goal.');
  });
});

describe('no sentence of a report is written in two source files', () => {
  it('finds no sentence of 30 or more characters in two files of src/core or scripts', () => {
    const files = listSources();
    const seen = new Map<string, Set<string>>();
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
      for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
        for (const part of (m[1] ?? m[2] ?? m[3] ?? '').split(/\$\{[^}]*\}/)) {
          const sentence = part.trim();
          if (sentence.length < 30 || !/[a-z] [a-z]/.test(sentence)) continue;
          const where = seen.get(sentence) ?? new Set<string>();
          where.add(file);
          seen.set(sentence, where);
        }
      }
    }
    const twice = [...seen].filter(([, where]) => where.size > 1).map(([sentence, where]) => `${sentence} (${[...where].sort().join(', ')})`);
    expect(twice.filter((t) => REPORT_FILES.some((f) => t.includes(f)))).toEqual([]);
  });
});

/** The files that write the reports' sentences. */
const REPORT_FILES = ['src/core/report/', 'scripts/commands/check.ts', 'scripts/commands/check-print.ts', 'scripts/commands/validate-print.ts'];

function listSources(): string[] {
  return ['src/core', 'scripts'].flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`));
}
