import { describe, expect, it } from 'vitest';
import { rankTopAccounts, topShareOf } from '../src/core/rollup/top-accounts.ts';

/**
 * One ranking of the top accounts, with the settings of the top-account-without-plan rule, for the rule and the
 * levers of a missed goal alike (before, the levers kept their own 25% and fell back to the first dimension).
 */
const dims = { channel: ['direct', 'partner'], region: ['emea', 'americas'] };

describe('the settings of the top accounts', () => {
  it.each([
    { name: 'the defaults: 25% of each channel', settings: { dimensions: dims }, expected: { share: 0.25, dimension: 'channel' } },
    { name: 'the rule\'s share and dimension reach every user', settings: { dimensions: dims, rules: { 'top-account-without-plan': { share: 0.5, dimension: 'region' } } }, expected: { share: 0.5, dimension: 'region' } },
    { name: 'a rule turned off still lends its settings to the levers', settings: { dimensions: dims, rules: { 'top-account-without-plan': 'off' as const } }, expected: { share: 0.25, dimension: 'channel' } },
    { name: 'no channel dimension: one group of all accounts, not the first dimension', settings: { dimensions: { region: ['emea'] } }, expected: { share: 0.25, dimension: undefined } },
    { name: 'a dimension named "constructor" is not one the workspace defines', settings: { dimensions: dims, rules: { 'top-account-without-plan': { dimension: 'constructor' } } }, expected: { share: 0.25, dimension: undefined } },
  ])('$name', ({ settings, expected }) => {
    expect(topShareOf(settings)).toEqual(expected);
  });
});

describe('ranking the top accounts', () => {
  const accounts = [
    { id: 'a', sales: 1000, dimensions: { channel: 'direct', region: 'emea' } },
    { id: 'b', sales: 800, dimensions: { channel: 'direct', region: 'americas' } },
    { id: 'c', sales: 600, dimensions: { channel: 'direct', region: 'emea' } },
    { id: 'd', sales: 600, dimensions: { channel: 'partner', region: 'emea' } },
    { id: 'e', sales: 0, dimensions: { channel: 'partner', region: 'americas' } },
  ];
  it.each([
    { name: 'by channel, a quarter each, rounded up', top: { share: 0.25, dimension: 'channel' }, expected: [['a', 'direct', 1, 3], ['d', 'partner', 1, 1]] },
    { name: 'by region, half each', top: { share: 0.5, dimension: 'region' }, expected: [['a', 'emea', 1, 3], ['c', 'emea', 2, 3], ['b', 'americas', 1, 1]] },
    { name: 'one group, ties by id, no sales never top', top: { share: 0.5, dimension: undefined }, expected: [['a', '', 1, 4], ['b', '', 2, 4]] },
    { name: 'all of them: still not an account without sales', top: { share: 1, dimension: undefined }, expected: [['a', '', 1, 4], ['b', '', 2, 4], ['c', '', 3, 4], ['d', '', 4, 4]] },
  ])('$name', ({ top, expected }) => {
    expect([...rankTopAccounts(accounts, top)].map(([id, r]) => [id, r.group, r.rank, r.of])).toEqual(expected);
  });
});
