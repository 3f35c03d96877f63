import { describe, expect, it } from 'vitest';
import { ActionSchema, ObjectiveSchema } from '../schemas/execution.ts';
import { renderTimelineSvg } from '../src/core/charts/index.ts';
import { wrap } from '../src/core/charts/timeline-svg.ts';

const LONG = 'Make the PX inline analyser the standard on every polymer line of the Baytown site before the capital committee meets in January';
const objectives = [ObjectiveSchema.parse({ id: 'win', description: LONG })];
const actions = [
  ActionSchema.parse({ description: 'Run the pilot', owner: 'ann-lee', start: '2026-08-03', due: '2026-09-25', objective: 'win', status: 'done' }),
  ActionSchema.parse({ description: 'Present the results', owner: 'bo-kim', due: '2027-01-15', objective: 'win' }),
];
const svg = renderTimelineSvg(actions, { objectives, personName: (id) => id.toUpperCase() })!;
const texts = (cls: string) => [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);

describe('renderTimelineSvg', () => {
  it('draws one tick per month from the first date to the last, each month named once', () => {
    expect(svg.match(/class="tl-grid"/g)).toHaveLength(6);
    expect(texts('tl-axis')).toEqual(['Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(texts('tl-axis tl-year')).toEqual(['2026', '2027']);
  });

  it('keeps an objective name whole, wrapped over lines instead of cut', () => {
    expect(texts('tl-section').join(' ')).toBe(LONG);
    expect(texts('tl-section').length).toBeGreaterThan(1);
  });

  it('draws a dated action as a bar and an action with only a due date as a diamond, at body-size text', () => {
    expect(svg.match(/<rect class="tl-bar tl-done"/g)).toHaveLength(1);
    expect(svg.match(/<path class="tl-bar tl-planned"/g)).toHaveLength(1);
    expect(texts('tl-label')).toEqual(['Run the pilot (ANN-LEE, done, due 2026-09-25)', 'Present the results (BO-KIM, planned, due 2027-01-15)']);
    expect(svg).toMatch(/^<svg class="timeline-chart" width="960" height="\d+"/);
  });

  it('is undefined for a plan without actions', () => {
    expect(renderTimelineSvg([], { objectives: [], personName: (id) => id })).toBeUndefined();
  });
});

describe('plan text in the timeline', () => {
  const cases = [
    { name: 'a script tag in an action stays text', text: '<script>alert(1)</script>', raw: '<script', shown: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { name: 'an attribute break in an objective stays text', text: '" onload="alert(2)', raw: '" onload=', shown: '&quot; onload=&quot;alert(2)' },
    { name: 'an entity of its own is shown as written', text: '&lt;b&gt; & co', raw: '&lt;b&gt; & co', shown: '&amp;lt;b&amp;gt; &amp; co' },
  ];
  it.each(cases)('$name', ({ text, raw, shown }) => {
    const out = renderTimelineSvg(
      [ActionSchema.parse({ description: text, owner: 'ann-lee', due: '2026-04-01', objective: 'x' })],
      { objectives: [ObjectiveSchema.parse({ id: 'x', description: text })], personName: (id) => id },
    )!;
    expect(out).not.toContain(raw);
    expect(out).toContain(shown);
  });
});

describe('wrap', () => {
  it('breaks at spaces, and inside a word only when the word alone is too long', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 4)).toEqual(['']);
  });
});
