import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountPlanSchema } from '../schemas/account.ts';
import { accountRef, dimensionRef, offeringRef, personRef } from '../schemas/references.ts';
import { referencesExist } from '../src/core/load/link.ts';
import { referencesIn } from '../src/core/load/references.ts';
import { loadValid, rulesBase } from './rules-fixture.ts';

describe('references are found from the schema, not from a list', () => {
  it('finds each marked field of a value, through optional, default, arrays, records, unions and describe', () => {
    const Scratch = z.strictObject({
      lead: personRef('the lead').describe('Who leads.'),
      helpers: z.array(z.strictObject({ who: personRef('the helper').optional(), note: z.string().optional() })).default([]),
      sells: z.record(z.string(), offeringRef()).optional(),
      sister: z.union([z.literal('none'), z.strictObject({ account: accountRef() })]).optional(),
      by: dimensionRef().optional(),
      unmarked: z.string().optional(),
    });
    const value = Scratch.parse({ lead: 'ann', helpers: [{ note: 'x' }, { who: 'bo' }], sells: { q1: 'sensors' }, sister: { account: 'acme' }, by: 'channel', unmarked: 'ann' });
    expect(referencesIn(Scratch, value)).toEqual([
      { kind: 'person', what: 'the lead', path: ['lead'], value: 'ann' },
      { kind: 'person', what: 'the helper', path: ['helpers', 1, 'who'], value: 'bo' },
      { kind: 'offering', path: ['sells', 'q1'], value: 'sensors' },
      { kind: 'account', path: ['sister', 'account'], value: 'acme' },
      { kind: 'dimension', path: ['by'], value: 'channel' },
    ]);
    expect(referencesIn(Scratch, Scratch.parse({ lead: 'ann', sister: 'none' }))).toEqual([{ kind: 'person', what: 'the lead', path: ['lead'], value: 'ann' }]);
  });

  it('follows a recursive schema', () => {
    interface Node { owner: string; children: Node[] }
    const NodeSchema: z.ZodType<Node> = z.lazy(() => z.strictObject({ owner: personRef('the owner'), children: z.array(NodeSchema) }));
    const found = referencesIn(NodeSchema, { owner: 'a', children: [{ owner: 'b', children: [{ owner: 'c', children: [] }] }] });
    expect(found.map((r) => r.path)).toEqual([['owner'], ['children', 0, 'owner'], ['children', 0, 'children', 0, 'owner']]);
  });

  it('a person field added to a scratch plan schema is checked by the linker, with no list edited', () => {
    const ws = loadValid(rulesBase());
    const acme = ws.accountById.get('acme')!;
    const Scratch = AccountPlanSchema.extend({ buddy: personRef('the buddy').optional() });
    const check = (buddy: string) => referencesExist(ws, acme, referencesIn(Scratch, { ...acme.plan, buddy }), { accountIds: new Set(ws.accountById.keys()) });
    expect(check('ann-lee')).toEqual([]);
    expect(check('nobody').map((d) => [d.code, d.path, d.message])).toEqual([
      ['unknown-person', 'buddy', 'buddy: "nobody" is not a person in team.yaml. Add the buddy to team.yaml, or use the id of someone listed there.'],
    ]);
    // Without the field, the same plan is clean: the field alone made the difference.
    expect(referencesExist(ws, acme, referencesIn(AccountPlanSchema, acme.plan), { accountIds: new Set(ws.accountById.keys()) })).toEqual([]);
  });

  it('the plan schema marks every reference the linker knew by hand before', () => {
    const plan = AccountPlanSchema.parse({
      name: 'X', status: 'current', strategy: 'grow', owner: 'o', exec_sponsor: 's', parent: 'p', dimensions: { channel: 'direct' },
      team: [{ person: 't' }], stakeholders: [{ id: 'k', name: 'K', relationship: 'r' }], objectives: [{ id: 'j', description: 'd', owner: 'jo' }],
      actions: [{ description: 'd', owner: 'ao', due: '2026-01-01' }], risks: [{ description: 'd', likelihood: 'low', impact: 'low', owner: 'ro' }],
      exec_relationships: [{ ours: 'e', theirs: 'k' }], history: [{ period: 'FY2026', revenue: 1, product: 'h' }], forecast: [{ period: 'FY2027', revenue: 1, product: 'f' }],
      competitor_spend: [{ competitor: 'c', revenue: 1, product: 'cs' }], penetration: [{ offering: 'pe', status: 'open' }],
      opportunities: [{ id: 'op', name: 'n', offering: 'oo', revenue: 1 }], competitors: [{ name: 'c', offerings: ['co'] }],
    });
    expect(referencesIn(AccountPlanSchema, plan).map((r) => `${r.kind} ${r.path.join('.')}${r.what ? ` (${r.what})` : ''}`).sort()).toEqual([
      'account parent',
      'dimension-values dimensions',
      'offering competitor_spend.0.product',
      'offering competitors.0.offerings.0',
      'offering forecast.0.product',
      'offering history.0.product',
      'offering opportunities.0.offering',
      'offering penetration.0.offering',
      'person actions.0.owner (the action owner)',
      'person exec_relationships.0.ours (the executive)',
      'person exec_sponsor (the executive sponsor)',
      'person objectives.0.owner (the objective owner)',
      'person owner (the owner)',
      'person risks.0.owner (the risk owner)',
      'person stakeholders.0.relationship (the relationship owner)',
      'person team.0.person (them)',
    ]);
  });
});
