import type { Accelerator } from '../../../schemas/index.ts';
import { roundCents } from '../shared/money.ts';

/**
 * The comp formula, written once (README "Compensation", docs/comp.md).
 *
 * A measure's payout fraction is its attainment up to the first accelerator's `above` (linear, below 100% too);
 * each unit of attainment between one accelerator's `above` and the next earns that accelerator's `rate` units.
 * With { above: 1.0, rate: 1.5 } and attainment 1.1: 1.0 + 0.1 × 1.5 = 1.15.
 */
export function payoutFraction(attainment: number, accelerators: readonly Accelerator[]): number {
  const first = accelerators[0];
  if (!first) return attainment;
  let fraction = Math.min(attainment, first.above);
  accelerators.forEach((step, i) => {
    if (attainment <= step.above) return;
    const next = accelerators[i + 1]?.above ?? Infinity;
    fraction += (Math.min(attainment, next) - step.above) * step.rate;
  });
  return fraction;
}

/** The payout: target_pay × the weighted sum of the measures' fractions, at most cap × target_pay (no cap when absent). */
export function payoutOf(
  targetPay: number,
  measures: readonly { weight: number; attainment: number }[],
  accelerators: readonly Accelerator[],
  cap: number | undefined,
): number {
  const weighted = measures.reduce((sum, m) => sum + m.weight * payoutFraction(m.attainment, accelerators), 0);
  const capped = cap === undefined ? weighted : Math.min(weighted, cap);
  return roundCents(targetPay * capped);
}
