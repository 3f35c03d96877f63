import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS, RULE_IDS, RULES } from '../src/core/rules/index.ts';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('<!-- section:rules -->'), readme.indexOf('<!-- /section:rules -->'));

describe('the README documents the rules as they are', () => {
  it('every rule in the schema has a check, in the same order', () => {
    expect(RULES.map((r) => r.id)).toEqual(RULE_IDS);
  });

  it.each(RULE_IDS)('%s is in the table with its default severity and thresholds', (id) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `no README row for ${id}`).toBeDefined();
    const { severity, ...thresholds } = RULE_DEFAULTS[id];
    expect(row!.split('|')[2]!.trim()).toBe(severity);
    for (const [name, value] of Object.entries(thresholds)) expect(row).toContain(`\`${name}\` (${String(value)})`);
  });
});
