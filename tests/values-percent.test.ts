import { describe, expect, it } from 'vitest';
import { fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { acme, acmeWith } from './values/edit.ts';

/*
 * A fraction written as a percentage in text ("75%") is told the fraction it means, not "Write a plain number, such
 * as 250000"; a money field given a percentage keeps the plain-number fix, since 0.75 would be a wrong amount there.
 */
const said = (changes: Record<string, string>) => load(withFiles(fixtureFiles('minimal'), changes)).diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);

describe('a percentage where a fraction is asked', () => {
  it.each([
    { name: 'confidence: 75%', from: 'confidence: 0.5', to: 'confidence: 75%', says: 'forecast[1].confidence: expected a number, got "75%". Write 0.75 for 75%.' },
    { name: 'confidence: 12.5 %', from: 'confidence: 0.5', to: 'confidence: "12.5 %"', says: 'forecast[1].confidence: expected a number, got "12.5 %". Write 0.125 for 12.5%.' },
  ])('$name gets the fraction', ({ from, to, says }) => {
    expect(said(acme(from, to))).toEqual([`9 wrong-type ${says}`]);
  });

  it('an opportunity probability of 40% gets it too', () => {
    const lines = said(acmeWith('opportunities:\n  - { id: pilot, name: Pilot, revenue: 10, probability: 40% }'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ wrong-type opportunities\[0\]\.probability: expected a number, got "40%"\. Write 0\.4 for 40%\.$/);
  });

  it('a money field given a percentage keeps the plain-number fix', () => {
    expect(said(acme('revenue: 200, confidence', 'revenue: 75%, confidence'))).toEqual(['9 wrong-type forecast[1].revenue: expected a number, got "75%". Write a plain number, such as 250000.']);
  });

  it('a word in a fraction field keeps the plain-number fix', () => {
    expect(said(acme('confidence: 0.5', 'confidence: high'))).toEqual(['9 wrong-type forecast[1].confidence: expected a number, got "high". Write a plain number, such as 250000.']);
  });
});

/*
 * revenue: 250.000 is 250 to YAML, where a European meant two hundred and fifty thousand: a warning at its line that
 * gives both readings, in money fields only, and not for a currency with three decimals (KWD, BHD …).
 */
describe('an amount written with a dot and three decimals', () => {
  it('is a warning at its line in a plan, with both readings; the plan stays valid', () => {
    const { workspace, diagnostics } = load(withFiles(fixtureFiles('minimal'), acme('revenue: 200, confidence', 'revenue: 250.000, confidence')));
    expect(workspace).toBeDefined();
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      '9:35 warning money-three-decimals forecast[1].revenue: 250.000 is read as 250, since a dot is the decimal point in YAML. Write 250000 for 250,000, or 250 if you mean 250.',
    ]);
  });

  it('is one in goals.yaml too', () => {
    const lines = said({ 'goals.yaml': 'goals:\n  - { period: FY2027, revenue: 1.500 }\n' });
    expect(lines).toEqual(['2 money-three-decimals goals[0].revenue: 1.500 is read as 1.5, since a dot is the decimal point in YAML. Write 1500 for 1,500, or 1.5 if you mean 1.5.']);
  });

  it.each([
    { name: 'two decimals', to: 'revenue: 250.50, confidence' },
    { name: 'a fraction with three decimals', to: 'revenue: 200, confidence: 0.125, x' },
    { name: 'a quoted amount (a string, refused by type instead)', to: 'revenue: 200, confidence' },
  ])('is not raised for $name', ({ to }) => {
    const lines = said(acme('revenue: 200, confidence', to));
    expect(lines.filter((l) => l.includes('money-three-decimals'))).toEqual([]);
  });

  it('is not raised for a plan in a currency with three decimals', () => {
    const changes = { ...acme('revenue: 200, confidence', 'revenue: 250.000, confidence'), ...{} };
    const text = new TextDecoder().decode(withFiles(fixtureFiles('minimal'), changes).find((f) => f.rel === 'accounts/acme.yaml')!.bytes);
    const kwd = { 'accounts/acme.yaml': text.replace(/^currency: \w+$/m, 'currency: KWD') };
    const ws = { 'workspace.yaml': new TextDecoder().decode(fixtureFiles('minimal').find((f) => f.rel === 'workspace.yaml')!.bytes).replace('fx: { EUR: 1.1 }', 'fx: { EUR: 1.1, KWD: 3.2 }') };
    expect(said({ ...kwd, ...ws })).toEqual([]);
    expect(said({ ...kwd, ...ws, 'accounts/acme.yaml': kwd['accounts/acme.yaml'].replace('currency: KWD', 'currency: EUR') })).toHaveLength(1);
  });
});
