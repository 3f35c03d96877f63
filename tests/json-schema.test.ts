import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from '../src/core/load/json-schema.ts';

describe('JSON Schemas for editors', () => {
  const rendered = renderJsonSchemas();

  it.each(Object.keys(rendered))('schemas/json/%s is in sync with the Zod schemas (run npm run schemas)', (name) => {
    expect(readFileSync(`schemas/json/${name}`, 'utf8')).toBe(rendered[name]);
  });

  it('has no stale file for a schema that no longer exists', () => {
    expect(readdirSync('schemas/json').sort()).toEqual(Object.keys(rendered).sort());
  });

  it('carries the field descriptions and refuses unknown keys, so editors explain and autocomplete', () => {
    const account = JSON.parse(rendered['account.schema.json']!);
    expect(account.additionalProperties).toBe(false);
    expect(account.properties.owner.description).toMatch(/account executive/);
    expect(account.properties.stakeholders.items.properties.stance.enum).toContain('champion');
    expect(account.required).toEqual(['name', 'status', 'strategy', 'owner']);
  });
});
