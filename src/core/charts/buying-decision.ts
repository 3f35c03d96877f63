import type { BuyingRole, Stakeholder, Stance } from '../../../schemas/index.ts';
import { escapeLabel, nodeId } from './escape.ts';

/** Shapes by buying role, most decisive first: a stakeholder with several roles takes the first that applies. */
export const ROLE_SHAPES: readonly { role: BuyingRole | 'none'; shape: string; open: string; close: string }[] = [
  { role: 'decision-maker', shape: 'hexagon', open: '{{', close: '}}' },
  { role: 'economic-buyer', shape: 'hexagon', open: '{{', close: '}}' },
  { role: 'blocker', shape: 'flag', open: '>', close: ']' },
  { role: 'gatekeeper', shape: 'trapezoid', open: '[/', close: '\\]' },
  { role: 'technical-buyer', shape: 'framed box', open: '[[', close: ']]' },
  { role: 'coach', shape: 'stadium', open: '([', close: '])' },
  { role: 'influencer', shape: 'stadium', open: '([', close: '])' },
  { role: 'user', shape: 'rounded box', open: '(', close: ')' },
  { role: 'none', shape: 'rounded box', open: '(', close: ')' },
];

/** Fill colours by stance; the legend on the account page is drawn from this same table. */
export const STANCE_STYLES: Readonly<Record<Stance, { fill: string; stroke: string; text: string }>> = {
  champion: { fill: '#1a7f37', stroke: '#0d4a1f', text: '#ffffff' },
  supporter: { fill: '#b7e4c0', stroke: '#1a7f37', text: '#0b2912' },
  neutral: { fill: '#e4e7eb', stroke: '#6b7280', text: '#111827' },
  skeptic: { fill: '#fde2a7', stroke: '#b45309', text: '#3b2300' },
  detractor: { fill: '#b42318', stroke: '#6f130c', text: '#ffffff' },
  unknown: { fill: '#ffffff', stroke: '#6b7280', text: '#111827' },
};

/** Stakeholders nobody on our side covers get a thick dashed border on top of their stance colour. */
export const UNCOVERED_STYLE = 'stroke:#b42318,stroke-width:3px,stroke-dasharray:6 4';

export function shapeOf(roles: readonly BuyingRole[]): (typeof ROLE_SHAPES)[number] {
  return ROLE_SHAPES.find((s) => s.role !== 'none' && roles.includes(s.role)) ?? ROLE_SHAPES[ROLE_SHAPES.length - 1]!;
}

export interface BuyingDecisionOptions {
  /** Our person's display name for a team.yaml id. */
  personName: (id: string) => string;
}

/**
 * The buying-decision chart: one node per stakeholder (shape = most decisive role, colour = stance),
 * an arrow from each manager to their report, and our relationship owner written in the node.
 */
export function renderBuyingDecisionChart(stakeholders: readonly Stakeholder[], options: BuyingDecisionOptions): string {
  const index = new Map(stakeholders.map((s, i) => [s.id, nodeId('s', i)]));
  const lines = ['flowchart TB'];
  stakeholders.forEach((s, i) => {
    const shape = shapeOf(s.roles);
    lines.push(`  ${nodeId('s', i)}${shape.open}"${nodeLabel(s, options)}"${shape.close}`);
  });
  for (const s of stakeholders) {
    const manager = s.reports_to === undefined ? undefined : index.get(s.reports_to);
    if (manager) lines.push(`  ${manager} --> ${index.get(s.id)}`);
  }
  for (const [stance, style] of Object.entries(STANCE_STYLES)) {
    lines.push(`  classDef ${stance} fill:${style.fill},stroke:${style.stroke},color:${style.text}`);
  }
  lines.push(`  classDef uncovered ${UNCOVERED_STYLE}`);
  stakeholders.forEach((s, i) => {
    lines.push(`  class ${nodeId('s', i)} ${s.stance}`);
    if (s.relationship === undefined) lines.push(`  class ${nodeId('s', i)} uncovered`);
  });
  return lines.join('\n');
}

function nodeLabel(s: Stakeholder, options: BuyingDecisionOptions): string {
  const parts = [`<b>${escapeLabel(s.name, { max: 60 })}</b>`];
  if (s.title) parts.push(escapeLabel(s.title, { max: 60 }));
  if (s.roles.length > 0) parts.push(escapeLabel(s.roles.map((r) => r.replace('-', ' ')).join(', ')));
  parts.push(escapeLabel(s.stance));
  parts.push(s.relationship === undefined ? escapeLabel('not covered by us') : escapeLabel(`ours: ${options.personName(s.relationship)}`, { max: 60 }));
  return parts.join('<br/>');
}
