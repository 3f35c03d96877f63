import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32), so a generated workspace is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  accounts: number;
  seed?: number;
  /** Fraction of plans written as .mdx with a narrative. */
  mdx?: number;
}

const CHANNELS = ['direct', 'partner'];
const REGIONS = ['americas', 'emea', 'apac'];
const SEGMENTS = ['commercial', 'government', 'retail'];
const ROLES = ['decision-maker', 'economic-buyer', 'technical-buyer', 'user', 'influencer', 'gatekeeper', 'coach', 'blocker'];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'detractor', 'unknown'];
const STRATEGIES = ['acquire', 'grow', 'reactivate', 'retain', 'retire'];
const OFFERINGS = ['sensors', 'software', 'service', 'training', 'calibration'];

/** Writes a valid plans folder of the given size: one generator for benchmarks and scale tests. */
export function generateWorkspace(dir: string, options: GenerateOptions): void {
  const rand = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const owners = Math.max(2, Math.ceil(options.accounts / 25));
  const managers = Math.max(1, Math.ceil(owners / 8));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'accounts'), { recursive: true });

  writeFileSync(
    join(dir, 'workspace.yaml'),
    [
      'company: Generated Instruments',
      'currency: USD',
      'fiscal_year_start_month: 2',
      'dimensions:',
      `  channel: [${CHANNELS.join(', ')}]`,
      `  region: [${REGIONS.join(', ')}]`,
      `  segment: [${SEGMENTS.join(', ')}]`,
      'count: weighted',
      'tolerance: 0.02',
      'fx: { EUR: 1.08 }',
      'offerings:',
      ...OFFERINGS.map((o) => `  - { id: ${o}, name: ${o[0]!.toUpperCase()}${o.slice(1)} }`),
      '',
    ].join('\n'),
  );
  const people = ['people:', '  - { id: vp-sales, name: Vera Sales, role: executive }'];
  for (let m = 0; m < managers; m++) people.push(`  - { id: manager-${m}, name: Manager ${m}, role: sales-manager, manager: vp-sales }`);
  for (let o = 0; o < owners; o++) people.push(`  - { id: rep-${o}, name: Rep ${o}, role: account-executive, manager: manager-${o % managers} }`);
  writeFileSync(join(dir, 'team.yaml'), `${people.join('\n')}\n`);

  let total = 0;
  for (let i = 0; i < options.accounts; i++) {
    const owner = `rep-${i % owners}`;
    const base = Math.round(20_000 + rand() * 900_000);
    const stakeholders = Array.from({ length: 2 + Math.floor(rand() * 5) }, (_, s) => [
      `  - id: person-${s}`,
      `    name: Person ${i}-${s}`,
      '    title: Director',
      ...(s > 0 ? [`    reports_to: person-${Math.floor(rand() * s)}`] : []),
      `    roles: [${pick(ROLES)}]`,
      `    stance: ${pick(STANCES)}`,
      ...(s === 0 ? [`    relationship: ${owner}`] : []),
      '    last_contact: 2026-10-01',
    ]).flat();
    const forecast = [1, 2, 3, 4].map((q) => {
      const amount = Math.round((base / 4) * (0.8 + rand() * 0.5));
      total += amount;
      return `  - { period: FY2027-Q${q}, revenue: ${amount}, confidence: ${(0.5 + Math.floor(rand() * 6) / 10).toFixed(1)} }`;
    });
    const yaml = [
      `name: Account ${i}`,
      `status: ${rand() < 0.8 ? 'current' : 'target'}`,
      `strategy: ${pick(STRATEGIES)}`,
      `tier: ${pick(['A', 'B', 'C', 'D'])}`,
      `strategic: ${i % 40 === 0}`,
      `owner: ${owner}`,
      `dimensions: { channel: ${pick(CHANNELS)}, region: ${pick(REGIONS)}, segment: ${pick(SEGMENTS)} }`,
      'last_reviewed: 2026-10-15',
      'history:',
      ...['FY2024', 'FY2025', 'FY2026'].map((p, k) => `  - { period: ${p}, revenue: ${Math.round(base * (0.8 + k * 0.1))}, margin: 0.4 }`),
      'forecast:',
      ...forecast,
      'penetration:',
      ...OFFERINGS.slice(0, 3).map((o) => `  - { offering: ${o}, status: ${pick(['won', 'competitor', 'open'])} }`),
      'stakeholders:',
      ...stakeholders,
      'actions:',
      `  - { description: Quarterly business review, owner: ${owner}, due: 2026-12-15 }`,
      '',
    ].join('\n');
    const mdx = rand() < (options.mdx ?? 0);
    writeFileSync(
      join(dir, 'accounts', `account-${String(i).padStart(5, '0')}.${mdx ? 'mdx' : 'yaml'}`),
      mdx ? `---\n${yaml}---\n\n## Situation\n\nAccount ${i} buys sensors and wants software.\n` : yaml,
    );
  }
  writeFileSync(join(dir, 'goals.yaml'), `goals:\n  - { period: FY2027, revenue: ${Math.round(total * 0.7)} }\n  - { period: FY2027, scope: { channel: direct }, revenue: ${Math.round(total * 0.4)} }\n`);
}
