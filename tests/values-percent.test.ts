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
