/**
 * Mermaid text (and inline SVG: the revenue chart, the action timeline) for the site's diagrams, generated from plan data. Pure: strings in, strings out.
 * Every label from a plan goes through escapeLabel (charts/escape.ts); the browser renders the text
 * with securityLevel 'strict' (src/components/Mermaid.astro).
 */
export { escapeLabel, quoteLabel } from './escape.ts';
export { renderBuyingDecisionChart, ROLE_SHAPES, STANCE_STYLES, UNCOVERED_STYLE, shapeOf } from './buying-decision.ts';
export { renderTimelineSvg } from './timeline-svg.ts';
export { niceCeiling, REVENUE_SERIES, renderRevenueSvg, revenueByYear, type RevenuePoint } from './revenue.ts';
