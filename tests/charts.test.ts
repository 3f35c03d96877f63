import { describe, expect, it } from 'vitest';
import { StakeholderSchema, type Stakeholder } from '../schemas/index.ts';
import { escapeLabel, niceCeiling, renderBuyingDecisionChart, renderRevenueSvg, revenueByYear, shapeOf } from '../src/core/charts/index.ts';
import { totalAccount } from '../src/core/rollup/accounts.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';

const HOSTILE = [
  { name: 'closes a quoted label and adds a click directive', text: '"]; click A call alert(1)' },
  { name: 'opens a script tag', text: '<script>alert(1)</script>' },
  { name: 'carries an init directive', text: "%%{init: {'securityLevel': 'loose'}}%%" },
  { name: 'starts a new statement on a new line', text: 'Bob\nclick s0 call alert(2)' },
  { name: 'closes a shape and styles a node', text: 'x]) --> s0{{y}} style s0 fill:#f00' },
  { name: 'writes an entity code of its own', text: '#quot; #60; &lt;b&gt;' },
  { name: 'adds a comment', text: 'a %% b' },
  { name: 'uses backticks for markdown strings', text: '`**bold**`' },
];

/** Mermaid decodes "#NN;" codes after parsing; this reverses the escaping the way the browser finally shows it. */
function decode(label: string): string {
  return label.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

describe('escapeLabel', () => {
  it.each(HOSTILE)('a label that $name keeps only letters, digits, spaces and entity codes', ({ text }) => {
    const escaped = escapeLabel(text, { max: 500 });
    expect(escaped).toMatch(/^(?:[\p{L}\p{N} ]|#\d+;)*$/u);
    expect(decode(escaped)).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('keeps letters of every script as they are', () => {
    expect(escapeLabel('Zoë Müller 陈')).toBe('Zoë Müller 陈');
  });

  it('shortens a long label with an ellipsis', () => {
    expect(decode(escapeLabel('a'.repeat(200), { max: 10 }))).toBe(`${'a'.repeat(9)}…`);
  });

  it('encodes the first letter when asked, so a gantt task cannot start with a keyword', () => {
    expect(escapeLabel('click me', { guardStart: true })).toBe('#99;lick me');
  });
});

const stakeholders: Stakeholder[] = [
  { id: 'ceo', name: 'Ceo "]; click A call alert(1)', title: 'Chief <b>Executive</b>', roles: ['decision-maker'], stance: 'champion', relationship: 'ann-lee' },
  { id: 'cfo', name: 'Cfo <script>alert(1)</script>', reports_to: 'ceo', roles: ['economic-buyer', 'blocker'], stance: 'detractor' },
  { id: 'it', name: 'IT\nclick s0 call alert(2)', reports_to: 'cfo', roles: ['gatekeeper'], stance: 'unknown', relationship: 'bo-kim' },
  { id: 'user', name: 'Plain User', reports_to: 'it', roles: [], stance: 'neutral' },
].map((s) => StakeholderSchema.parse(s));

describe('renderBuyingDecisionChart', () => {
  const chart = renderBuyingDecisionChart(stakeholders, { personName: (id) => (id === 'ann-lee' ? 'Ann <i>Lee</i>' : 'Bo Kim') });
  const lines = chart.split('\n');

  it('has one node per stakeholder, with every name in it (escaped)', () => {
    for (const [i, s] of stakeholders.entries()) {
      const node = lines.find((l) => l.trimStart().startsWith(`s${i}`) && l.includes('"'));
      expect(node, s.name).toBeDefined();
      expect(decode(node!)).toContain(s.name.replace(/\s+/g, ' '));
    }
  });

  it('never lets plan text start a statement: every line is one of the chart\'s own', () => {
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^ {2}(s\d+(\{\{|>|\[\/|\[\[|\(\[|\()"[^"\n]*"(\}\}|\]|\\\]|\]\]|\]\)|\))|s\d+ --> s\d+|classDef [a-z]+ [a-z0-9:#,\- ]+|class s\d+ [a-z]+)$/);
    }
  });

  it('draws a line from each manager to their report', () => {
    expect(lines).toEqual(expect.arrayContaining(['  s0 --> s1', '  s1 --> s2', '  s2 --> s3']));
  });

  it('shows the most decisive role as the shape and the stance as the class', () => {
    expect(lines.find((l) => l.startsWith('  s0'))).toMatch(/^ {2}s0\{\{".*"\}\}$/);
    expect(lines.find((l) => l.startsWith('  s1"') || l.startsWith('  s1{'))).toMatch(/^ {2}s1\{\{/);
    expect(lines.find((l) => l.startsWith('  s2'))).toMatch(/^ {2}s2\[\//);
    expect(lines.find((l) => l.startsWith('  s3'))).toMatch(/^ {2}s3\("/);
    expect(lines).toEqual(expect.arrayContaining(['  class s0 champion', '  class s1 detractor', '  class s2 unknown', '  class s3 neutral']));
    expect(shapeOf(['blocker', 'user']).shape).toBe('flag');
  });

  it('marks the stakeholders nobody on our side covers, and names our owner for the others', () => {
    expect(lines.filter((l) => l.endsWith(' uncovered') && l.startsWith('  class'))).toEqual(['  class s1 uncovered', '  class s3 uncovered']);
    expect(decode(lines.find((l) => l.startsWith('  s0'))!)).toContain('ours: Ann <i>Lee</i>');
    expect(decode(lines.find((l) => l.startsWith('  s1'))!)).toContain('not covered by us');
  });
});

describe('revenue chart', () => {
  const { workspace } = readWorkspace(workingCopy({ plansDir: 'tests/fixtures/minimal' }));
  const acme = workspace!.accountById.get('acme')!;
  const points = revenueByYear(totalAccount(acme, workspace!.settings));

  it('takes the rollup\'s yearly figures for the account', () => {
    // acme: EUR 100 + EUR 200 at 0.5 in FY2027, EUR 1.1 to the dollar.
    expect(points).toEqual([{ year: 'FY2027', history: 0, forecast: 330, weighted: 220, stretch: 0 }]);
  });

  it('draws one bar per non-zero series on an axis rounded up to a round number', () => {
    const svg = renderRevenueSvg(points, (n) => `$${n}`)!;
    expect(svg.match(/<rect class="rev-[a-z]+"/g)).toEqual(['<rect class="rev-forecast"', '<rect class="rev-weighted"']);
    expect(svg).toContain('>$500</text>');
    expect(svg).toContain('<title>FY2027 forecast: $330</title>');
  });

  it('escapes every text it writes', () => {
    const svg = renderRevenueSvg(points, () => '<script>&')!;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;');
  });

  it.each([[330, 500], [1000, 1000], [1001, 2000], [2100, 2500], [2600, 5000], [7, 10]])('rounds %d up to %d for the axis', (value, nice) => {
    expect(niceCeiling(value)).toBe(nice);
  });

  it('draws nothing for a plan without figures', () => {
    expect(renderRevenueSvg([], String)).toBeUndefined();
    expect(renderRevenueSvg([{ year: 'FY2027', history: 0, forecast: 0, weighted: 0, stretch: 0 }], String)).toBeUndefined();
  });
});
