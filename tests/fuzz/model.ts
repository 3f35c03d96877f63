import fc from 'fast-check';
import { stringify } from 'yaml';
import { type CaseFiles, toBytes } from './case.ts';

/**
 * A valid workspace as a small model, serialised into real plans files. Amounts are multiples of 400, rates and
 * confidences are binary fractions, so every sum, quarter split and scaling is exact in floating point: a metamorphic
 * property can then compare totals for equality instead of hiding a cent of drift.
 */
const ACCOUNT_IDS = ['acme', 'globex', 'hooli', 'initech', 'umbrella', 'stark', 'constructor', 'prototype'];
/** Valid text that means something to a terminal, GitHub Actions, HTML or a template engine. */
const NAMES = ['Acme', 'Acme\n::error file=plans/forged.yaml,line=1::forged', '::error file=team.yaml,line=1::forged', '<script>alert(1)</script>', 'Line one\nline two', '\u001b[31mred\u001b[0m', '{{ x }}', "O'Brien & <Co>", '\u202Eevil'];
const CHANNELS = ['direct', 'partner'];
const REGIONS = ['americas', 'emea', 'apac'];
const OFFERINGS = ['sensors', 'service'];
const YEARS = ['FY2027', 'FY2028'];
const CONFIDENCES = [0, 0.25, 0.5, 0.75, 1];
const FOLDERS = ['', 'emea/', 'key/accounts/'];

const DATES = ['2020-02-29', '2026-10-15', '2026-11-24', '2027-03-01'];
const date = fc.constantFrom(...DATES);
const BUYING_ROLES = ['decision-maker', 'economic-buyer', 'technical-buyer', 'user', 'influencer', 'gatekeeper', 'coach', 'blocker'];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'detractor', 'unknown'];

const amount = fc.integer({ min: 0, max: 25_000 }).map((n) => n * 400);
const confidence = fc.constantFrom(...CONFIDENCES);

type AnnualEntry = { revenue: number; confidence: number; product?: string };

/** One year of one plan: nothing, annual entries (several only when split by product), or some quarters. */
const yearForecast = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('annual' as const), entries: fc.oneof(
    fc.tuple(amount, confidence).map(([a, c]): AnnualEntry[] => [{ revenue: a, confidence: c }]),
    fc.tuple(amount, confidence, amount, confidence).map(([a, c, b, d]): AnnualEntry[] => [
      { revenue: a, confidence: c, product: OFFERINGS[0]! },
      { revenue: b, confidence: d, product: OFFERINGS[1]! },
    ]),
  ) }),
  fc.record({
    kind: fc.constant('quarters' as const),
    entries: fc.uniqueArray(fc.record({ q: fc.integer({ min: 1, max: 4 }), revenue: amount, confidence }), { minLength: 1, maxLength: 4, selector: (e) => e.q }),
  }),
);

const accountModel = fc.record({
  format: fc.constantFrom('yaml' as const, 'mdx' as const),
  folder: fc.constantFrom(...FOLDERS),
  owner: fc.nat(),
  channel: fc.constantFrom(...CHANNELS),
  region: fc.constantFrom(...REGIONS),
  currency: fc.constantFrom(undefined, 'EUR', 'GBP'),
  parent: fc.option(fc.nat(), { nil: undefined }),
  status: fc.constantFrom('current', 'target'),
  name: fc.constantFrom(...NAMES),
  strategy: fc.constantFrom('acquire', 'grow', 'reactivate', 'retain', 'retire'),
  years: fc.tuple(yearForecast, yearForecast),
  stretch: fc.option(amount, { nil: undefined }),
  history: fc.option(amount, { nil: undefined }),
  potential: fc.option(amount, { nil: undefined }),
  strategic: fc.boolean(),
  tier: fc.constantFrom(undefined, 'A', 'B', 'C', 'D'),
  lastReviewed: fc.option(date, { nil: undefined }),
  stakeholders: fc.array(
    fc.record({ name: fc.constantFrom(...NAMES), boss: fc.option(fc.nat(), { nil: undefined }), roles: fc.subarray(BUYING_ROLES, { maxLength: 3 }), stance: fc.constantFrom(...STANCES), ours: fc.boolean(), contact: fc.option(date, { nil: undefined }) }),
    { maxLength: 3 },
  ),
  actions: fc.array(fc.record({ due: date, status: fc.constantFrom(undefined, 'planned', 'done') }), { maxLength: 2 }),
  reviewed: fc.boolean(),
});

const scopeModel = fc.constantFrom('total', 'channel', 'region', 'owner', 'manager', 'channel+owner');

export const workspaceModel = fc.record({
  /** Ids that are also names of Object.prototype members: valid, and a trap for lookups in plain objects. */
  prototypeIds: fc.boolean(),
  startMonth: fc.integer({ min: 1, max: 12 }),
  count: fc.constantFrom('full', 'weighted'),
  tolerance: fc.constantFrom(0, 0.25, 0.5),
  managers: fc.integer({ min: 1, max: 2 }),
  reps: fc.integer({ min: 2, max: 3 }),
  ids: fc.shuffledSubarray(ACCOUNT_IDS, { minLength: 1, maxLength: 6 }),
  accounts: fc.array(accountModel, { minLength: 6, maxLength: 6 }),
  goals: fc.uniqueArray(
    fc.record({ period: fc.constantFrom(...YEARS, 'FY2027-Q1', 'FY2027-Q4'), scope: scopeModel, pick: fc.nat({ max: 5 }), revenue: amount }),
    { minLength: 1, maxLength: 6, selector: (g) => `${g.period}|${g.scope}|${g.pick}` },
  ),
});

export type WorkspaceModel = typeof workspaceModel extends fc.Arbitrary<infer T> ? T : never;

/** The plans files of a model, keyed by path inside the plans folder. */
export function modelFiles(m: WorkspaceModel): CaseFiles {
  const managers = Array.from({ length: m.managers }, (_, i) => `mgr-${i}`);
  const reps = Array.from({ length: m.reps }, (_, i) => (m.prototypeIds && i === 0 ? 'constructor' : `rep-${i}`));
  const channels = m.prototypeIds ? [...CHANNELS, 'constructor'] : CHANNELS;
  const files: CaseFiles = {};
  const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });
  files['workspace.yaml'] = toBytes(yaml({
    company: 'Fuzz Co', currency: 'USD', fiscal_year_start_month: m.startMonth,
    dimensions: { channel: channels, region: REGIONS }, count: m.count, tolerance: m.tolerance,
    fx: { EUR: 1.5, GBP: 2 }, offerings: OFFERINGS.map((id) => ({ id, name: id.toUpperCase() })),
  }));
  files['team.yaml'] = toBytes(yaml({ people: [
    { id: 'vp', name: 'Vera P', role: 'executive' },
    ...managers.map((id) => ({ id, name: `Manager ${id}`, role: 'sales-manager', manager: 'vp' })),
    ...reps.map((id, i) => ({ id, name: `Rep ${id}`, role: 'account-executive', manager: managers[i % managers.length] })),
  ] }));

  const reviewed = new Map<string, string[]>();
  m.ids.forEach((id, i) => {
    const a = m.accounts[i]!;
    const owner = reps[a.owner % reps.length]!;
    const forecast = a.years.flatMap((y, k) => {
      const year = YEARS[k]!;
      if (y.kind === 'none') return [];
      if (y.kind === 'annual') return y.entries.map((e) => ({ period: year, ...e }));
      return y.entries.map((e) => ({ period: `${year}-Q${e.q}`, revenue: e.revenue, confidence: e.confidence }));
    });
    const plan = {
      name: a.name, status: a.status, strategy: a.strategy, owner,
      ...(a.parent !== undefined && i > 0 && { parent: m.ids[a.parent % i] }),
      dimensions: { channel: m.prototypeIds && a.channel === 'partner' ? 'constructor' : a.channel, region: a.region },
      ...(a.currency && { currency: a.currency }),
      strategic: a.strategic,
      ...(a.tier !== undefined && { tier: a.tier }),
      ...(a.lastReviewed !== undefined && { last_reviewed: a.lastReviewed }),
      ...(a.history !== undefined && { history: [{ period: 'FY2026', revenue: a.history }] }),
      forecast,
      ...(a.stretch !== undefined && { stretch: [{ period: 'FY2027', revenue: a.stretch }] }),
      ...(a.potential !== undefined && { penetration: [{ offering: 'sensors', status: 'open', potential: a.potential }] }),
      stakeholders: a.stakeholders.map((x, s) => ({
        id: `s${s}`, name: x.name,
        ...(x.boss !== undefined && s > 0 && { reports_to: `s${x.boss % s}` }),
        roles: x.roles, stance: x.stance,
        ...(x.ours && { relationship: owner }),
        ...(x.contact !== undefined && { last_contact: x.contact }),
      })),
      actions: a.actions.map((x, k) => ({ description: `Step ${k}`, owner, due: x.due, ...(x.status !== undefined && { status: x.status }) })),
    };
    if (a.reviewed) (reviewed.get(owner) ?? reviewed.set(owner, []).get(owner)!).push(id);
    const text = yaml(plan);
    const rel = `accounts/${a.folder}${id}.${a.format}`;
    files[rel] = toBytes(a.format === 'mdx' ? `---\n${text}---\n\n## Why ${id}\n\nThey buy *sensors* and want a plan.\n` : text);
  });

  const goals = m.goals.map((g) => {
    const scope: Record<string, string> = {};
    if (g.scope === 'channel' || g.scope === 'channel+owner') scope['channel'] = channels[g.pick % channels.length]!;
    if (g.scope === 'region') scope['region'] = REGIONS[g.pick % REGIONS.length]!;
    if (g.scope === 'owner' || g.scope === 'channel+owner') scope['owner'] = reps[g.pick % reps.length]!;
    if (g.scope === 'manager') scope['manager'] = managers[g.pick % managers.length]!;
    return { period: g.period, ...(Object.keys(scope).length > 0 && { scope }), revenue: g.revenue };
  });
  // Two goals with the same period and scope are an error, so keep the first of each.
  const seen = new Set<string>();
  const unique = goals.filter((g) => {
    const key = `${g.period}|${JSON.stringify(g.scope ?? {})}`;
    return !seen.has(key) && seen.add(key);
  });
  files['goals.yaml'] = toBytes(yaml({ goals: unique }));
  for (const [rep, accounts] of reviewed) {
    const manager = managers[reps.indexOf(rep) % managers.length]!;
    files[`reviews/2026-11/${rep}.yaml`] = toBytes(yaml({
      reviewer: manager, date: '2026-11-10', accomplishments: ['Renewed a contract'],
      accounts: accounts.map((account, k) => ({ account, expectation: 'grow', next_90_days: 400 * (k + 1) })),
      actions: [{ description: 'Call the buyer', owner: rep, due: '2026-12-01' }],
    }));
  }
  return files;
}

export const validFiles: fc.Arbitrary<CaseFiles> = workspaceModel.map(modelFiles);
