import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RulesConfigSchema } from '../schemas/rules.ts';
import { RULES } from '../src/core/rules/index.ts';
import { RULE_DEFAULTS, RULE_IDS } from '../schemas/rules.ts';

// The rules table moved from the README to docs/rules.md (the README links it); the section markers came along.
const readme = readFileSync('docs/rules.md', 'utf8');
const section = readme.slice(readme.indexOf('<!-- section:rules -->'), readme.indexOf('<!-- /section:rules -->'));
const readmeLinks = readFileSync('README.md', 'utf8');

describe('a rule lives in its file, its schema entry and its README row', () => {
  it('the registry holds one rule per id of the schema, in the same order', () => {
    expect(Object.keys(RULES)).toEqual(RULE_IDS);
    expect(Object.keys(RulesConfigSchema.shape)).toEqual(RULE_IDS);
  });

  it.each(RULE_IDS)('%s has its file src/core/rules/%s.ts, whose rule carries its meta', async (id) => {
    const path = `src/core/rules/${id}.ts`;
    expect(existsSync(path), `no ${path}`).toBe(true);
    const module = (await import(`../${path}`)) as Record<string, unknown>;
    expect(Object.values(module)).toContain(RULES[id]);
    const { meta } = RULES[id];
    expect(meta.id).toBe(id);
    expect(meta.defaults).toBe(RULE_DEFAULTS[id]);
    expect(meta.setting).toBe(RulesConfigSchema.shape[id]);
    expect(meta.description).toMatch(/^\S.*\.$/);
  });

  it.each(RULE_IDS)('%s is in the README table with its default severity and thresholds', (id) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `no README row for ${id}`).toBeDefined();
    const { severity, ...thresholds } = RULE_DEFAULTS[id];
    expect(row!.split('|')[2]!.trim()).toBe(severity);
    for (const [name, value] of Object.entries(thresholds)) expect(row).toContain(`\`${name}\` (${String(value)})`);
  });

  it('the README links the rules table', () => {
    expect(section.length).toBeGreaterThan(1000);
    expect(readmeLinks).toContain('](docs/rules.md)');
  });

  it.each(RULE_IDS)('%s: the README row names every threshold its setting schema accepts, with or without a default', (id) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${id}\` |`))!;
    const [, object] = RulesConfigSchema.shape[id].unwrap().options;
    const names = Object.keys(object.shape).filter((k) => k !== 'severity');
    for (const name of names) expect(row.split('|')[3]).toContain(`\`${name}\``);
  });

  it('the README table has no row for a rule that does not exist', () => {
    const ids = section.split('\n').flatMap((line) => /^\| `([a-z-]+)` \|/.exec(line)?.[1] ?? []);
    expect(ids).toEqual(RULE_IDS);
  });
});
