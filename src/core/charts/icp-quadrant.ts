import type { IcpMatrix } from '../portfolio/portfolio.ts';
import { quoteLabel } from './escape.ts';

/**
 * Mermaid quadrant chart of ICP fit (x, the score ÷ 100) against opportunity size (y, relative to
 * the largest). Account names are plan text: quoteLabel escapes them. Undefined when nothing is scored.
 */
export function renderIcpQuadrant(matrix: IcpMatrix): string | undefined {
  if (matrix.rows.length === 0) return undefined;
  const largest = Math.max(...matrix.rows.map((r) => r.opportunity));
  // Mermaid's grammar takes 0, 1 or 0.ddd only: "1.0" is a syntax error.
  const coordinate = (v: number) => (v >= 1 ? '1' : v <= 0 ? '0' : String(Math.round(v * 1000) / 1000));
  return [
    // Fixed sizing, no plan text: the default 500 px square crowds a few dozen labels.
    '---',
    'config:',
    '  quadrantChart: { chartWidth: 720, chartHeight: 560, pointLabelFontSize: 11 }',
    '---',
    'quadrantChart',
    '  x-axis Low ICP fit --> High ICP fit',
    '  y-axis Small opportunity --> Large opportunity',
    '  quadrant-1 Invest',
    '  quadrant-2 Qualify harder',
    '  quadrant-3 Deprioritise',
    '  quadrant-4 Grow the opportunity',
    ...matrix.rows.map((r) => `  ${quoteLabel(r.name, { max: 40 })}: [${coordinate(r.total / 100)}, ${coordinate(largest > 0 ? r.opportunity / largest : 0)}]`),
  ].join('\n');
}
