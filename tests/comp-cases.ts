/** The small workspace the comp tests share: tests/fixtures/minimal with team goals, owner goals and a comp.yaml. */
export const COMP_GOALS = `goals:
  - { period: FY2027, revenue: 1000 }
  - { period: FY2027, scope: { manager: max-roe }, revenue: 500 }
  - { period: FY2027, scope: { owner: ann-lee }, revenue: 160 }
  - { period: FY2027, scope: { owner: bo-kim }, revenue: 200 }
`;

/**
 * Ann Lee and Bo Kim (account executives of Max Roe) on one plan. Planned: Ann 220 (acme: 100 × 1.1 EUR, plus
 * 200 × 0.5 × 1.1), Bo 200 (globex: 400 × 0.5), the team 420.
 */
export const COMP_YAML = `# yaml-language-server: $schema=../schemas/json/comp.schema.json
plans:
  - id: ae-fy2027
    period: FY2027
    role: account-executive
    target_pay: 1000
    measures:
      - { measure: own-revenue, weight: 0.8 }
      - { measure: team-revenue, weight: 0.2 }
    accelerators: [{ above: 1.0, rate: 1.5 }, { above: 1.2, rate: 2.0 }]
    cap: 2.0
`;

export const COMP_FILES = { 'goals.yaml': COMP_GOALS, 'comp.yaml': COMP_YAML };
