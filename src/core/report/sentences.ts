/**
 * Sentences that both the terminal (check, the step summary) and the site show. Each is written once here,
 * so the two cannot drift apart; callers only place them. No imports: every layer above may use this module.
 */

/** How workspace.yaml's `count` setting counts a forecast toward a goal. */
export type ForecastCount = 'full' | 'weighted';

/** How forecasts are counted, as a phrase to place inside a sentence: "forecast weighted by confidence". */
export function forecastCounting(count: ForecastCount): string {
  return count === 'weighted' ? 'forecast weighted by confidence' : 'forecast at full value';
}

/** The same, as a short tag after an amount or a label: " (weighted)" or "" when forecasts count in full. */
export function countingTag(count: ForecastCount): string {
  return count === 'weighted' ? ' (weighted)' : '';
}

/** "1 plan is" / "3 plans are": how many plans a sentence speaks of. */
export function plansAre(n: number): string {
  return `${n} ${n === 1 ? 'plan is' : 'plans are'}`;
}
