/**
 * One case per kind of mistake a person makes in a plans folder. Each starts from
 * tests/fixtures/minimal and changes one file; `expected` pins every diagnostic line.
 */
import { readFileSync } from 'node:fs';

const fixture = (rel: string) => readFileSync(`tests/fixtures/minimal/${rel}`, 'utf8');
const ACME = fixture('accounts/acme.yaml');
const GLOBEX = fixture('accounts/globex.mdx');
const TEAM = fixture('team.yaml');
const GOALS = fixture('goals.yaml');
const WORKSPACE = fixture('workspace.yaml');
const acme = (from: string, to: string) => ({ 'accounts/acme.yaml': replace(ACME, from, to) });
const globex = (from: string, to: string) => ({ 'accounts/globex.mdx': replace(GLOBEX, from, to) });

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

export interface BadCase {
  name: string;
  changes: Record<string, string | Uint8Array | null>;
  expected: string[];
}

export const BAD_CASES: BadCase[] = [
  // YAML syntax and encoding
  {
    name: 'yaml: unclosed flow sequence',
    changes: acme('{ channel: direct, region: emea }', '[direct, emea'),
    expected: [
      "minimal/accounts/acme.yaml:5:13 error A quote or bracket opened on this line is never closed (Flow sequence in block collection must be sufficiently indented and end with a ]). Close it on the same line.",
    ],
  },
  {
    name: 'yaml: bad indentation of a nested key',
    changes: acme('    name: Maria\n', '    name: Maria\n   roles: [x]\n'),
    expected: [
      "minimal/accounts/acme.yaml:13:1 error The YAML cannot be read here (Sequence item without - indicator). Check the indentation, and that brackets and quotes are closed.",
    ],
  },
  {
    name: 'yaml: an explicit key that is a list (? [a, b]) is reported at its own line, not at the top of the file',
    changes: acme('forecast:\n', 'profile:\n  industry: Sensors\n? [a, b]\n: 1\nforecast:\n'),
    expected: [
      'minimal/accounts/acme.yaml:9:3 error This key is a list or a set of fields (written after "? "), and the keys of a plans file are plain names. Write the key as a name followed by a colon, such as "name: value".',
    ],
  },
  {
    name: 'yaml: a list item indented into the entry above is said at the item, with the column to start it in',
    changes: acme('  - id: tom\n', '      - id: tom\n'),
    expected: [
      'minimal/accounts/acme.yaml:16:7 error The list item "- id: tom" starts in column 7, inside the entry on line 15 above it, so YAML cannot read it as the next item. Start its "- " in column 3, under the "- " of the items before it.',
    ],
  },
  {
    name: 'yaml: a list item at the column of the keys above it',
    changes: acme('  - id: tom\n', '    - id: tom\n'),
    expected: [
      'minimal/accounts/acme.yaml:16:5 error The list item "- id: tom" starts in column 5, inside the entry on line 15 above it, so YAML cannot read it as the next item. Start its "- " in column 3, under the "- " of the items before it.',
    ],
  },
  {
    name: 'yaml: duplicate key',
    changes: acme('status: current\n', 'status: current\nstatus: target\n'),
    expected: [
      "minimal/accounts/acme.yaml:3:1 error The key \"status\" appears twice in the same mapping. Keep one of them; a second one would silently replace the first.",
    ],
  },
  {
    name: 'yaml: tab used for indentation',
    changes: acme('    name: Tom\n', '\tname: Tom\n'),
    expected: [
      "minimal/accounts/acme.yaml:17:1 error A tab is used for indentation. YAML indents with spaces only: replace the tab with spaces.",
    ],
  },
  {
    name: 'yaml: unclosed quote',
    changes: acme('name: Acme\n', 'name: "Acme\n'),
    expected: [
      "minimal/accounts/acme.yaml:1:7 error A quote or bracket opened on this line is never closed (Missing closing \"quote). Close it on the same line.",
    ],
  },
  {
    name: 'yaml: two documents in one file',
    changes: acme('name: Acme\n', 'name: Acme\n---\nname: Other\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:1 error The file holds several YAML documents (separated by \"---\"). A plans file holds exactly one: remove the extra \"---\" line.",
    ],
  },
  {
    name: 'yaml: alias bomb',
    changes: { 'accounts/acme.yaml': `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n` },
    expected: [
      "minimal/accounts/acme.yaml:5:5 error With this alias, the aliases (*name) of the file stand for more than 10000 values, which is how a \"billion laughs\" attack makes a small file huge. Write the values out instead of nesting aliases.",
    ],
  },
  {
    name: 'yaml: alias to an undefined anchor',
    changes: acme('owner: ann-lee\n', 'owner: *boss\n'),
    expected: [
      "minimal/accounts/acme.yaml:4:13 error This alias (*name) refers to an anchor (&name) that is not defined above it. Define the anchor first, or write the value out.",
    ],
  },
  {
    name: 'encoding: Latin-1 file is not UTF-8',
    changes: { 'accounts/acme.yaml': Uint8Array.from([...new TextEncoder().encode('name: Caf'), 0xe9, ...new TextEncoder().encode('\nstatus: current\n')]) },
    expected: [
      "minimal/accounts/acme.yaml:1:10 error The file is not valid UTF-8 (it may be saved as Latin-1 or Windows-1252). Save it as UTF-8; the first bad character is here.",
    ],
  },
  {
    name: 'encoding: UTF-16 file',
    changes: { 'accounts/acme.yaml': Uint8Array.from([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00]) },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is saved as UTF-16. Save it as UTF-8 (in VS Code: \"Save with Encoding\", then \"UTF-8\").",
    ],
  },
  {
    name: 'encoding: byte order mark is a warning and the file still reads',
    changes: { 'accounts/acme.yaml': Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ACME)]) },
    expected: [
      "minimal/accounts/acme.yaml:1:1 warning The file starts with a byte order mark (BOM). It was ignored, but save the file as UTF-8 without BOM.",
    ],
  },
  {
    name: 'encoding: mixed CRLF and LF line endings',
    changes: { 'accounts/acme.yaml': ACME.replace('name: Acme\nstatus: current\n', 'name: Acme\r\nstatus: current\r\n') },
    expected: [
      "minimal/accounts/acme.yaml:1:11 warning The file mixes Windows (CRLF) and Unix (LF) line endings. It was read, but save it with LF line endings so diffs stay clean.",
    ],
  },
  {
    name: 'file: empty account plan',
    changes: { 'accounts/acme.yaml': '# nothing yet\n' },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is empty, but an account plan is a set of \"key: value\" lines. See schemas/json/account.schema.json for its fields.",
    ],
  },
  {
    name: 'file: a list instead of fields',
    changes: { 'accounts/acme.yaml': '- name: Acme\n' },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is a list, but an account plan is a set of \"key: value\" lines. See schemas/json/account.schema.json for its fields.",
    ],
  },
  {
    name: 'file: unknown file in the plans folder',
    changes: { 'notes.yaml': 'hello: world\n' },
    expected: [
      "minimal/notes.yaml:1:1 warning This file is not read as part of the plans. Plans folders hold workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml, accounts/<id>.yaml|.mdx, reviews/<YYYY-MM>/<person>.yaml and changes/<name>.yaml.",
    ],
  },
  {
    name: 'file: a .md plan instead of .mdx',
    changes: { 'accounts/initech.md': '# Initech\n' },
    expected: [
      "minimal/accounts/initech.md:1:1 warning This file is not read as part of the plans. Account plans are .yaml or .mdx files: rename it.",
    ],
  },
  {
    name: 'file: team.yaml missing',
    changes: { 'team.yaml': null },
    expected: [
      "minimal/team.yaml:1:1 error team.yaml is missing. Every plans folder has one; see schemas/json/team.schema.json for its fields.",
    ],
  },
  {
    name: 'file: account id is not kebab-case',
    changes: { 'accounts/Big Corp.yaml': ACME },
    expected: [
      "minimal/accounts/Big Corp.yaml:1:1 error The file name \"Big Corp\" is the account's id and must be lower-case letters, digits and hyphens. Rename the file to big-corp.yaml.",
    ],
  },
  {
    name: 'file: an id of only an underscore is not told to become ".yaml"',
    changes: { 'accounts/_.yaml': ACME },
    expected: [
      "minimal/accounts/_.yaml:1:1 error The file name \"_\" is the account's id and must be lower-case letters, digits and hyphens. Rename the file to an id written with a–z, 0–9 and hyphens, such as acme-corp.yaml.",
    ],
  },
  {
    name: 'file: an emoji id is not told to become ".yaml"',
    changes: { 'accounts/😀.yaml': ACME },
    expected: [
      "minimal/accounts/😀.yaml:1:1 error The file name \"😀\" is the account's id and must be lower-case letters, digits and hyphens. Rename the file to an id written with a–z, 0–9 and hyphens, such as acme-corp.yaml.",
    ],
  },
  {
    name: 'file: an accented id keeps its letters (über → uber, not ber)',
    changes: { 'accounts/über.yaml': ACME },
    expected: [
      "minimal/accounts/über.yaml:1:1 error The file name \"über\" is the account's id and must be lower-case letters, digits and hyphens. Rename the file to uber.yaml.",
    ],
  },
  {
    name: 'file: an id in another script gets no suggestion that drops it',
    changes: { 'accounts/北京.yaml': ACME },
    expected: [
      "minimal/accounts/北京.yaml:1:1 error The file name \"北京\" is the account's id and must be lower-case letters, digits and hyphens. Rename the file to an id written with a–z, 0–9 and hyphens, such as acme-corp.yaml.",
    ],
  },
  {
    name: 'file: a plan whose name ends in a no-break space (from git, or any list of files) is an error, not left out',
    changes: { 'accounts/initech.yaml\u00a0': ACME },
    expected: [
      "minimal/accounts/initech.yaml\u00a0:1:1 error The file name \"initech.yaml\u00a0\" holds a space that is not an ordinary one (such as a no-break space), which nobody sees in a listing, so it is not read. Rename the file to \"initech.yaml\".",
    ],
  },
  {
    name: 'file: same id as .yaml and .mdx',
    changes: { 'accounts/globex.yaml': ACME },
    expected: [
      "minimal/accounts/globex.yaml:1:1 error The account id \"globex\" is also used by minimal/accounts/globex.mdx. Ids are file names and must be unique across the plans folder: merge the two or rename one.",
    ],
  },
  // MDX frontmatter
  {
    name: 'mdx: no frontmatter',
    changes: { 'accounts/globex.mdx': '# Globex\n\nNarrative only.\n' },
    expected: [
      "minimal/accounts/globex.mdx:1:1 error An .mdx plan starts with a frontmatter block: a line \"---\", the plan's fields in YAML, and another \"---\" line, then the narrative.",
    ],
  },
  {
    name: 'mdx: frontmatter never closed',
    changes: { 'accounts/globex.mdx': GLOBEX.replace(/---\n\n# Why/, '\n# Why') },
    expected: [
      "minimal/accounts/globex.mdx:1:1 error The frontmatter block is never closed. Add a line \"---\" after the plan's fields, before the narrative.",
    ],
  },
  {
    name: 'mdx: misspelt nested key in frontmatter',
    changes: globex('revenue: 400, confidence: 0.5', 'revenue: 400, confidense: 0.5'),
    expected: [
      "minimal/accounts/globex.mdx:10:37 error \"confidense\" is not a field of \"forecast[0]\". Did you mean \"confidence\"?",
    ],
  },
  {
    name: 'mdx: YAML error in frontmatter is located in the file',
    changes: globex('  region: americas\n', '  region: [americas\n'),
    expected: [
      "minimal/accounts/globex.mdx:8:11 error A quote or bracket opened on this line is never closed (Flow sequence in block collection must be sufficiently indented and end with a ]). Close it on the same line.",
    ],
  },
  // Schema: types, keys, values
  {
    name: 'schema: unknown top-level key suggests the closest',
    changes: acme('stakeholders:\n', 'stakeholder:\n'),
    expected: [
      "minimal/accounts/acme.yaml:10:1 error \"stakeholder\" is not a field of an account plan. Did you mean \"stakeholders\"?",
    ],
  },
  {
    name: 'schema: unknown nested key suggests the closest',
    changes: acme('    stance: supporter\n', '    stanse: supporter\n'),
    expected: [
      "minimal/accounts/acme.yaml:14:5 error \"stanse\" is not a field of \"stakeholders[0]\". Did you mean \"stance\"?",
    ],
  },
  {
    name: 'schema: required field missing',
    changes: acme('owner: ann-lee\n', ''),
    expected: [
      "minimal/accounts/acme.yaml:1:1 error owner is missing. Add \"owner:\" with the account executive who owns the plan (an id in team.yaml).",
    ],
  },
  {
    name: 'schema: money written as 1.2M',
    changes: acme('revenue: 100 }', 'revenue: 1.2M }'),
    expected: [
      "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got \"1.2M\". Write 1200000.",
    ],
  },
  {
    name: 'schema: money with a currency sign and commas',
    changes: acme('revenue: 100 }', 'revenue: "$300,000" }'),
    expected: [
      "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got \"$300,000\". Write 300000.",
    ],
  },
  {
    name: 'schema: negative revenue',
    changes: acme('revenue: 100 }', 'revenue: -100 }'),
    expected: [
      "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue must be at least 0, got -100.",
    ],
  },
  {
    name: 'schema: confidence written as a percentage',
    changes: acme('confidence: 0.5', 'confidence: 50'),
    expected: [
      "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 50. Write 0.5 for 50%.",
    ],
  },
  {
    name: 'schema: period without FY',
    changes: acme('period: FY2027-Q1', 'period: Q1 2027'),
    expected: [
      "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"Q1 2027\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1. Write FY2027-Q1.",
    ],
  },
  {
    name: 'schema: date in day/month/year order',
    changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 15/10/2026\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:16 error last_reviewed: \"15/10/2026\" is not valid: a date is written YYYY-MM-DD, such as 2026-10-15. Write 2026-10-15.",
    ],
  },
  {
    name: 'schema: a date that does not exist',
    changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 2026-02-30\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:16 error last_reviewed: this date does not exist in the calendar.",
    ],
  },
  {
    name: 'schema: misspelt strategy',
    changes: acme('strategy: grow', 'strategy: grw'),
    expected: [
      "minimal/accounts/acme.yaml:3:11 error strategy: \"grw\" is not allowed. Did you mean \"grow\"? Write one of: acquire, grow, reactivate, retain, retire.",
    ],
  },
  {
    name: 'schema: unknown buying role',
    changes: acme('roles: [decision-maker]', 'roles: [decision-maker, champ]'),
    expected: [
      "minimal/accounts/acme.yaml:13:29 error stakeholders[0].roles[1]: \"champ\" is not allowed. Write one of: decision-maker, economic-buyer, technical-buyer, user, influencer, gatekeeper, coach, blocker.",
    ],
  },
  {
    name: 'schema: stance that is not in the vocabulary',
    changes: acme('stance: supporter', 'stance: friendly'),
    expected: [
      "minimal/accounts/acme.yaml:14:13 error stakeholders[0].stance: \"friendly\" is not allowed. Write one of: champion, supporter, neutral, skeptic, detractor, unknown.",
    ],
  },
  {
    name: 'schema: strategic written as yes',
    changes: acme('name: Acme\n', 'name: Acme\nstrategic: "yes"\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:12 error strategic: expected true or false, got \"yes\". Write true.",
    ],
  },
  {
    name: 'schema: a single value where a list belongs',
    changes: acme('roles: [decision-maker]', 'roles: decision-maker'),
    expected: [
      "minimal/accounts/acme.yaml:13:12 error stakeholders[0].roles: expected a list (lines starting with \"- \"), got \"decision-maker\". Start each item on its own line with \"- \".",
    ],
  },
  {
    name: 'schema: lower-case currency code',
    changes: acme('currency: EUR', 'currency: eur'),
    expected: [
      "minimal/accounts/acme.yaml:6:11 error currency: \"eur\" is not valid: a currency is a three-letter ISO code such as USD or EUR. Write EUR.",
    ],
  },
  {
    name: 'schema: id with spaces and capitals',
    changes: acme('  - id: tom\n', '  - id: Tom Ruiz\n'),
    expected: [
      "minimal/accounts/acme.yaml:16:9 error stakeholders[1].id: \"Tom Ruiz\" is not valid: an id is lower-case letters, digits and hyphens, such as \"jane-doe\". Write tom-ruiz.",
    ],
  },
  {
    name: 'schema: unknown person role in team.yaml',
    changes: { 'team.yaml': TEAM.replace('role: executive', 'role: ceo') },
    expected: [
      "minimal/team.yaml:5:41 error people[3].role: \"ceo\" is not allowed. Write one of: account-executive, sales-manager, executive, sales-engineer, customer-success, other.",
    ],
  },
  {
    name: 'schema: fiscal year start month out of range',
    changes: { 'workspace.yaml': WORKSPACE.replace('fiscal_year_start_month: 2', 'fiscal_year_start_month: 13') },
    expected: [
      "minimal/workspace.yaml:3:26 error fiscal_year_start_month must be at most 12, got 13.",
    ],
  },
  {
    name: 'rules: a misspelt severity inside a rule\'s set of fields names the field',
    changes: { 'workspace.yaml': `${WORKSPACE.endsWith('\n') ? WORKSPACE : `${WORKSPACE}\n`}rules:\n  stale-plan: { severity: eror }\n` },
    expected: [
      'minimal/workspace.yaml:13:27 error rules.stale-plan.severity: "eror" is not allowed. Did you mean "error"? Write one of: off, error, warning, info.',
    ],
  },
  {
    name: 'rules: a fraction of a day inside a rule\'s set of fields names the field',
    changes: { 'workspace.yaml': `${WORKSPACE.endsWith('\n') ? WORKSPACE : `${WORKSPACE}\n`}rules:\n  stale-plan: { days: 0.5 }\n` },
    expected: [
      'minimal/workspace.yaml:13:23 error rules.stale-plan.days: expected a whole number, got 0.5.',
    ],
  },
  {
    name: 'schema: a goal of less than a cent (5e-324) would make its coverage infinite',
    changes: { 'goals.yaml': GOALS.replace('revenue: 600 }', 'revenue: 5e-324 }') },
    expected: [
      'minimal/goals.yaml:3:60 error goals[1].revenue: 5e-324 is more than 0 but less than a cent (0.01). Write 0, or the amount in currency units such as 1200000.',
    ],
  },
  // Linking
  {
    name: 'link: owner not in team.yaml suggests the closest',
    changes: acme('owner: ann-lee', 'owner: ann-le'),
    expected: [
      "minimal/accounts/acme.yaml:4:8 error owner: \"ann-le\" is not a person in team.yaml. Did you mean \"ann-lee\"?",
    ],
  },
  {
    name: 'link: relationship owner not in team.yaml',
    changes: acme('relationship: ann-lee', 'relationship: zed-nobody'),
    expected: [
      "minimal/accounts/acme.yaml:15:19 error stakeholders[0].relationship: \"zed-nobody\" is not a person in team.yaml. Add the relationship owner to team.yaml, or use the id of someone listed there.",
    ],
  },
  {
    name: 'link: a 5,000-character owner is quoted as a short excerpt',
    changes: acme('owner: ann-lee', `owner: ${'a'.repeat(5000)}`),
    expected: [
      "minimal/accounts/acme.yaml:4:8 error owner: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is not a person in team.yaml. Add the owner to team.yaml, or use the id of someone listed there.",
    ],
  },
  {
    name: 'link: reports_to names no stakeholder of the plan',
    changes: acme('reports_to: maria', 'reports_to: mariaa'),
    expected: [
      "minimal/accounts/acme.yaml:18:17 error stakeholders[1].reports_to: \"mariaa\" is not a stakeholder in this plan. Did you mean \"maria\"?",
    ],
  },
  {
    name: 'link: reports_to cycle',
    changes: acme('    relationship: ann-lee\n', '    relationship: ann-lee\n    reports_to: tom\n'),
    expected: [
      "minimal/accounts/acme.yaml:16:17 error stakeholders[0].reports_to: maria → tom → maria is a circle. Someone at the top reports to nobody: remove one \"reports_to\".",
    ],
  },
  {
    name: 'link: duplicate stakeholder id',
    changes: acme('  - id: tom\n', '  - id: maria\n'),
    expected: [
      "minimal/accounts/acme.yaml:16:9 error stakeholders[1].id: \"maria\" is used twice in stakeholders. Give each one its own id.",
      "minimal/accounts/acme.yaml:18:17 error stakeholders[1].reports_to: Tom cannot report to themselves. Remove the line or name their manager.",
    ],
  },
  {
    name: 'link: dimension value not in workspace.yaml',
    changes: acme('region: emea', 'region: emae'),
    expected: [
      "minimal/accounts/acme.yaml:5:40 error dimensions.region: \"emae\" is not a region in workspace.yaml. Did you mean \"emea\"? Write one of: americas, emea.",
    ],
  },
  {
    name: 'link: unknown dimension key',
    changes: acme('region: emea', 'region: emea, segmnt: retail'),
    expected: [
      "minimal/accounts/acme.yaml:5:54 error dimensions.segmnt: \"segmnt\" is not a dimension in workspace.yaml. The dimensions are: channel, region.",
    ],
  },
  {
    name: 'link: missing dimension',
    changes: acme(', region: emea', ''),
    expected: [
      "minimal/accounts/acme.yaml:5:13 error dimensions.region is missing, so the plan cannot be rolled up by region. Add \"region:\" with one of: americas, emea.",
    ],
  },
  {
    name: 'link: currency without an fx rate',
    changes: acme('currency: EUR', 'currency: GBP'),
    expected: [
      "minimal/accounts/acme.yaml:6:11 error currency: there is no exchange rate for GBP. Add \"fx: { GBP: <USD per GBP> }\" to workspace.yaml, or write the plan in USD.",
    ],
  },
  {
    name: 'link: parent that does not exist',
    changes: acme('name: Acme\n', 'name: Acme\nparent: globx\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:9 error parent: \"globx\" is not an account. Did you mean \"globex\"?",
    ],
  },
  {
    name: 'link: parent cycle',
    changes: { ...acme('name: Acme\n', 'name: Acme\nparent: globex\n'), ...globex('name: Globex\n', 'name: Globex\nparent: acme\n') },
    expected: [
      "minimal/accounts/acme.yaml:2:9 error parent: acme → globex → acme is a circle. The top account of a family has no parent: remove one \"parent\".",
    ],
  },
  {
    name: 'link: annual and quarterly forecast for one year is double counting',
    changes: acme('forecast:\n', 'forecast:\n  - { period: FY2027, revenue: 500 }\n'),
    expected: [
      "minimal/accounts/acme.yaml:8:15 error forecast[0]: FY2027 is given as a year and also by quarter (forecast[2]), which would count it twice. Keep the quarters and remove the annual entry, or the other way round.",
    ],
  },
  {
    name: 'link: the same quarter forecast twice',
    changes: acme('forecast:\n', 'forecast:\n  - { period: FY2027-Q2, revenue: 50 }\n'),
    expected: [
      "minimal/accounts/acme.yaml:10:15 error forecast[2]: FY2027-Q2 is already forecast in forecast[0]. Add the two amounts into one entry.",
    ],
  },
  {
    name: 'link: manager cycle in team.yaml',
    changes: { 'team.yaml': TEAM.replace('role: executive }', 'role: executive, manager: ann-lee }') },
    expected: [
      "minimal/team.yaml:2:69 error people[0].manager: ann-lee → max-roe → eva-cho → ann-lee is a circle. Someone at the top reports to nobody: remove one \"manager\".",
    ],
  },
  {
    name: 'link: goal scope key that is not a dimension',
    changes: { 'goals.yaml': GOALS.replace('channel: direct', 'chanel: direct') },
    expected: [
      "minimal/goals.yaml:3:40 error goals[1].scope: \"chanel\" is not a dimension, \"owner\" or \"manager\". Did you mean \"channel\"?",
    ],
  },
  {
    name: 'link: goal scope for a person who manages nobody',
    changes: { 'goals.yaml': GOALS.replace('owner: ann-lee', 'manager: ann-lee') },
    expected: [
      "minimal/goals.yaml:4:44 error goals[2].scope.manager: nobody in team.yaml has \"manager: ann-lee\", so this goal covers no plan. Use \"owner: ann-lee\" for their own book.",
    ],
  },
  {
    name: 'link: two plans name the same crm.id (the ledger would book both to one)',
    changes: { ...acme('currency: EUR\n', 'currency: EUR\ncrm: { id: C-1 }\n'), ...globex('status: target\n', 'status: target\ncrm: { id: C-1 }\n') },
    expected: [
      "minimal/accounts/globex.mdx:4:12 error crm.id: \"C-1\" is also the CRM id of minimal/accounts/acme.yaml, so the ledger's rows for it would all be booked to one of the two plans. Each plan names its own CRM account: correct one of the ids, or merge the two plans.",
    ],
  },
  {
    name: "link: a crm.id that is another plan's id",
    changes: globex('status: target\n', 'status: target\ncrm: { id: acme }\n'),
    expected: [
      "minimal/accounts/globex.mdx:4:12 error crm.id: \"acme\" is the id of the plan minimal/accounts/acme.yaml, and a ledger row naming \"acme\" is booked to that plan, never to this one. Write this account's own CRM id.",
    ],
  },
  {
    name: 'link: two plans hold an opportunity with the same crm_id',
    changes: {
      ...acme('forecast:\n', 'opportunities:\n  - { id: deal, name: Deal, revenue: 10, crm_id: OPP-7 }\nforecast:\n'),
      ...globex('forecast:\n', 'opportunities:\n  - { id: deal, name: Deal, revenue: 10, crm_id: OPP-7 }\nforecast:\n'),
    },
    expected: [
      "minimal/accounts/globex.mdx:10:50 error opportunities[0].crm_id: \"OPP-7\" is also the CRM id of opportunities[0] of minimal/accounts/acme.yaml, so the deal would be counted twice. Keep the deal in one plan, or correct the id.",
    ],
  },
  {
    name: 'link: unknown offering in penetration',
    changes: acme('forecast:\n', 'penetration:\n  - { offering: sensor, status: won }\nforecast:\n'),
    expected: [
      "minimal/accounts/acme.yaml:8:17 error penetration[0].offering: \"sensor\" is not an offering in workspace.yaml. Did you mean \"sensors\"?",
    ],
  },
  {
    name: 'link: review for a person who does not exist',
    changes: { 'reviews/2026-11/ann-le.yaml': 'reviewer: max-roe\ndate: 2026-11-20\n' },
    expected: [
      "minimal/reviews/2026-11/ann-le.yaml:1:1 error The file name \"ann-le\" should be the id of the person whose book is reviewed, but nobody in team.yaml has that id. Did you mean \"ann-lee\"?",
    ],
  },
  {
    name: 'link: review dated outside its month folder',
    changes: { 'reviews/2026-11/ann-lee.yaml': 'reviewer: max-roe\ndate: 2026-10-20\naccounts:\n  - { account: acme, expectation: grow }\n' },
    expected: [
      "minimal/reviews/2026-11/ann-lee.yaml:2:7 error date: 2026-10-20 is not in 2026-11, the month of the folder. Move the file to reviews/2026-10/ or fix the date.",
    ],
  },
];

BAD_CASES.push(
  {
    name: 'file: an invalid goals.yaml is reported once, not also as missing',
    changes: { 'goals.yaml': GOALS.replace('revenue: 1000', 'revenue: lots') },
    expected: [
      "minimal/goals.yaml:2:32 error goals[0].revenue: expected a number, got \"lots\". Write a plain number, such as 250000.",
    ],
  },
  {
    name: 'file: goals.yaml missing is a warning',
    changes: { 'goals.yaml': null },
    expected: [
      "minimal/goals.yaml:1:1 warning goals.yaml is missing, so check has no goals to compare the plans with. Add it with at least the company goal for the year.",
    ],
  },
);

BAD_CASES.push(
  {
    name: 'mdx: narrative that is not valid MDX fails validation, not the site build',
    changes: globex('They need sensors.', 'Revenue grew a <b faster than planned.'),
    expected: [
      "minimal/accounts/globex.mdx:15:16 error The narrative is not valid MDX here, so the site cannot be built: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`). A literal \"<\" or \"{\" is written \"\\<\" or \"\\{\".",
    ],
  },
  {
    name: 'mdx: an expression in the narrative would run code at build time',
    changes: globex('They need sensors.', 'They need {process.exit(1)} sensors.'),
    expected: [
      "minimal/accounts/globex.mdx:15:11 error \"{process.exit(1)}\" is an MDX expression, which would run as code when the site is built. Write \\{ and \\} for literal braces, or put code in backticks.",
    ],
  },
  {
    name: 'mdx: an import in the narrative',
    changes: globex('They need sensors.', 'import fs from "node:fs"'),
    expected: [
      "minimal/accounts/globex.mdx:15:1 error The narrative has an \"import\" statement, which would run as code when the site is built. Remove it: narratives are Markdown.",
    ],
  },
  {
    name: 'mdx: a component in the narrative',
    changes: globex('They need sensors.', '<RevenueChart year="2027" />'),
    expected: [
      "minimal/accounts/globex.mdx:15:1 error <RevenueChart> is a component, and plan narratives have none: the site build would fail. Use Markdown, or plain HTML such as <b> or <table>.",
    ],
  },
  {
    name: 'mdx: braces in code spans and fences are fine',
    changes: globex('They need sensors.', 'Use `{ channel: direct }` in YAML.\n\n```yaml\nscope: { owner: ann-lee }\n```'),
    expected: [],
  },
);

// Untrusted files: names, sizes, aliases, and values quoted back in messages (issue "Plan files are untrusted").
const MB = 1024 * 1024;
/** A valid plan padded with comment lines to exactly `size` bytes. */
export function paddedAcme(size: number): string {
  const line = `# ${'x'.repeat(77)}\n`;
  let text = ACME;
  while (text.length + line.length <= size) text += line;
  return text + '#'.repeat(Math.max(0, size - text.length - 1)) + (size > text.length ? '\n' : '');
}
const SECRET_FILE = 'root:x:0:0:Top Secret Operator:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

BAD_CASES.push(
  {
    name: 'file name: an upper-case .YAML extension is refused, not skipped',
    changes: { 'accounts/initech.YAML': ACME },
    expected: [
      "minimal/accounts/initech.YAML:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to initech.yaml.",
    ],
  },
  {
    name: 'file name: a mixed-case .Yml review is refused',
    changes: { 'reviews/2026-11/ann-lee.Yml': 'reviewer: max-roe\ndate: 2026-11-20\n' },
    expected: [
      "minimal/reviews/2026-11/ann-lee.Yml:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to ann-lee.yml.",
    ],
  },
  {
    name: 'file name: an upper-case .MDX plan is refused',
    changes: { 'accounts/initech.MDX': GLOBEX },
    expected: [
      "minimal/accounts/initech.MDX:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to initech.mdx.",
    ],
  },
  {
    name: 'file name: Team.yaml in capitals is refused, and not also reported missing',
    changes: { 'team.yaml': null, 'Team.yaml': TEAM },
    expected: [
      "minimal/Team.yaml:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to team.yaml.",
    ],
  },
  {
    name: 'size: a plan one byte over 1 MB is reported and not parsed',
    changes: { 'accounts/acme.yaml': `bad: [1, 2\n${paddedAcme(MB + 1 - 11)}` },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is 1048577 bytes. Plans files may be at most 1 MB (1048576 bytes), so it was not parsed. Shorten it, or raise \"max_file_bytes\" in workspace.yaml if plans this large are intended.",
    ],
  },
  {
    name: 'size: a plan of exactly 1 MB is read',
    changes: { 'accounts/acme.yaml': paddedAcme(MB) },
    expected: [],
  },
  {
    name: 'size: workspace.yaml lowers the limit',
    changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 1000\n`, 'accounts/acme.yaml': paddedAcme(1001) },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is 1001 bytes. Plans files may be at most 1000 bytes, so it was not parsed. Shorten it, or raise \"max_file_bytes\" in workspace.yaml if plans this large are intended.",
    ],
  },
  {
    name: 'size: workspace.yaml raises the limit',
    changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 2097152\n`, 'accounts/acme.yaml': paddedAcme(MB + 500) },
    expected: [],
  },
  {
    name: 'size: the limit does not apply to team.yaml, which has a fixed cap',
    changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 250\n` },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is 392 bytes. Plans files may be at most 250 bytes, so it was not parsed. Shorten it, or raise \"max_file_bytes\" in workspace.yaml if plans this large are intended.",
    ],
  },
  {
    name: 'size: workspace.yaml cannot raise its own cap',
    changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 67108864\n${'#'.repeat(4 * MB)}\n` },
    expected: [
      "minimal/workspace.yaml:1:1 error The file is 4194573 bytes. workspace.yaml may be at most 4 MB (4194304 bytes) whatever workspace.yaml says. Split it or remove what it does not need.",
    ],
  },
  {
    name: 'size: an out-of-range limit is a schema error',
    changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 1e12\n` },
    expected: [
      "minimal/workspace.yaml:12:17 error max_file_bytes must be at most 67108864, got 1000000000000.",
    ],
  },
  {
    name: 'yaml: an alias inside its own anchor',
    changes: acme('name: Acme\n', 'name: Acme\nloop: &l [1, *l]\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:14 error This alias (*name) is used inside the value its own anchor (&name) names, so the value would contain itself without end. Write the value out instead.",
    ],
  },
  {
    name: 'yaml: aliases within the budget are fine',
    changes: { 'accounts/acme.yaml': ACME.replace('    stance: supporter\n', '    stance: &s supporter\n').replace('    reports_to: maria\n', '    reports_to: maria\n    stance: *s\n') },
    expected: [],
  },
  {
    name: 'yaml: the alias limit is reported at the alias that crossed it',
    changes: { 'accounts/acme.yaml': `${ACME}x: &x [${Array(2000).fill('1').join(',')}]\ny: [*x, *x, *x, *x, *x, *x]\n` },
    expected: [
      "minimal/accounts/acme.yaml:20:21 error With this alias, the aliases (*name) of the file stand for more than 10000 values, which is how a \"billion laughs\" attack makes a small file huge. Write the values out instead of nesting aliases.",
    ],
  },
  {
    name: 'yaml: nested more than 100 levels',
    changes: { 'accounts/acme.yaml': `${ACME}deep: ${'['.repeat(150)}${']'.repeat(150)}\n` },
    expected: [
      "minimal/accounts/acme.yaml:19:106 error The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.",
    ],
  },
  {
    name: 'hint: confidence 1.5 is not read as a percentage',
    changes: acme('confidence: 0.5', 'confidence: 1.5'),
    expected: [
      "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 1.5. A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.",
    ],
  },
  {
    name: 'hint: confidence 5 says what a fraction is',
    changes: acme('confidence: 0.5', 'confidence: 5'),
    expected: [
      "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 5. A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.",
    ],
  },
  {
    name: 'hint: confidence 12.5 reads as a percentage',
    changes: acme('confidence: 0.5', 'confidence: 12.5'),
    expected: [
      "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 12.5. Write 0.125 for 12.5%.",
    ],
  },
  {
    name: 'hint: tolerance 250 is no percentage of a fraction',
    changes: { 'workspace.yaml': WORKSPACE.replace('count: weighted', 'count: weighted\ntolerance: 250') },
    expected: [
      "minimal/workspace.yaml:8:12 error tolerance must be at most 1, got 250. A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.",
    ],
  },
  {
    name: 'hint: FY99999 gets no period that changes its meaning',
    changes: acme('period: FY2027-Q1', 'period: FY99999'),
    expected: [
      "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"FY99999\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1.",
    ],
  },
  {
    name: 'hint: a fifth quarter gets no suggestion',
    changes: acme('period: FY2027-Q1', 'period: FY2027-Q5'),
    expected: [
      "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"FY2027-Q5\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1.",
    ],
  },
  {
    name: 'hint: fy2027 in lower case',
    changes: acme('period: FY2027-Q1', 'period: fy2027'),
    expected: [
      "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"fy2027\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1. Write FY2027.",
    ],
  },
  {
    name: 'hint: a month 13 date gets no suggestion',
    changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 2026/13/01\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:16 error last_reviewed: \"2026/13/01\" is not valid: a date is written YYYY-MM-DD, such as 2026-10-15.",
    ],
  },
  {
    name: 'hint: a US date whose order is certain',
    changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 10/15/2026\n'),
    expected: [
      "minimal/accounts/acme.yaml:2:16 error last_reviewed: \"10/15/2026\" is not valid: a date is written YYYY-MM-DD, such as 2026-10-15. Write 2026-10-15.",
    ],
  },
  {
    name: 'hint: 1,5 is not read as fifteen',
    changes: acme('revenue: 100 }', 'revenue: "1,5" }'),
    expected: [
      "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got \"1,5\". Write a plain number, such as 250000.",
    ],
  },
  {
    name: 'hint: a number with leading zeros is quoted as written',
    changes: acme('name: Acme', 'name: 00123'),
    expected: [
      "minimal/accounts/acme.yaml:1:7 error name: expected a text, got 123. Put it in quotes: \"00123\".",
    ],
  },
  {
    name: 'missing: an enum field says it is missing',
    changes: acme('status: current\n', ''),
    expected: [
      "minimal/accounts/acme.yaml:1:1 error status is missing. Add \"status:\" with current (they buy from us) or target (we want to win them).",
    ],
  },
  {
    name: 'missing: two enum fields at once',
    changes: acme('status: current\nstrategy: grow\n', ''),
    expected: [
      "minimal/accounts/acme.yaml:1:1 error status is missing. Add \"status:\" with current (they buy from us) or target (we want to win them).",
      "minimal/accounts/acme.yaml:1:1 error strategy is missing. Add \"strategy:\" with acquire, grow, reactivate, retain or retire.",
    ],
  },
  {
    name: 'missing: a person role in team.yaml',
    changes: { 'team.yaml': TEAM.replace(', role: executive', '') },
    expected: [
      "minimal/team.yaml:5:5 error people[3].role is missing. Add \"role:\" with account-executive, sales-manager, executive, sales-engineer, customer-success or other.",
    ],
  },
  {
    name: 'excerpt: a long value is cut to one short line',
    changes: acme('strategy: grow', `strategy: "${'grow and then '.repeat(30)}"`),
    expected: [
      "minimal/accounts/acme.yaml:3:11 error strategy: \"grow and then grow and then grow and then grow and then gro…\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
    ],
  },
  {
    name: 'excerpt: a multi-line value stays on one line',
    changes: acme('strategy: grow', 'strategy: "first line\\nsecond line with a secret"'),
    expected: [
      "minimal/accounts/acme.yaml:3:11 error strategy: \"first line\\nsecond line with a secret\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
    ],
  },
  {
    name: 'excerpt: a long unknown key',
    changes: acme('name: Acme\n', `name: Acme\n${'k'.repeat(300)}: 1\n`),
    expected: [
      "minimal/accounts/acme.yaml:2:1 error \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…\" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.",
    ],
  },
  {
    name: 'excerpt: a whole file read as one value is not printed',
    changes: { 'accounts/acme.yaml': SECRET_FILE },
    expected: [
      "minimal/accounts/acme.yaml:1:1 error The file is a single text of 94 characters, but an account plan is a set of \"key: value\" lines. See schemas/json/account.schema.json for its fields.",
    ],
  },
  {
    name: 'excerpt: control and bidi characters are escaped',
    changes: acme('strategy: grow', 'strategy: "gr\\u202eow\\u001b[31m"'),
    expected: [
      "minimal/accounts/acme.yaml:3:11 error strategy: \"gr\\u202eow\\u001b[31m\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
    ],
  },
  {
    name: 'lines: an unclosed flow mapping at the end of the file stays inside it',
    changes: { 'accounts/acme.yaml': `${ACME}extra: {a: 1,\n\n\n` },
    expected: [
      "minimal/accounts/acme.yaml:19:8 error A quote or bracket opened on this line is never closed (Flow map in block collection must be sufficiently indented and end with a }). Close it on the same line.",
    ],
  },
);

BAD_CASES.push(
  {
    name: 'hint: a very long value is not compared with every allowed value for a typo',
    changes: acme('strategy: grow', `strategy: grow${'-x'.repeat(50_000)}`),
    expected: [
      "minimal/accounts/acme.yaml:3:11 error strategy: \"grow-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-…\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
    ],
  },
  {
    name: 'hint: a very long unknown key gets no suggestion',
    changes: acme('name: Acme\n', `name: Acme\nstakeholders_${'s'.repeat(200)}: 1\n`),
    expected: [
      "minimal/accounts/acme.yaml:2:1 error \"stakeholders_ssssssssssssssssssssssssssssssssssssssssssssss…\" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.",
    ],
  },
);

BAD_CASES.push(
  {
    name: 'file name: an Accounts folder in capitals is refused, not skipped',
    changes: { 'Accounts/initech.yaml': ACME },
    expected: [
      "minimal/Accounts/initech.yaml:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to accounts/initech.yaml.",
    ],
  },
  {
    name: 'file name: a Reviews folder and a .YML extension are both named in the fix',
    changes: { 'Reviews/2026-11/ann-lee.YML': 'reviewer: max-roe\ndate: 2026-11-20\n' },
    expected: [
      "minimal/Reviews/2026-11/ann-lee.YML:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to reviews/2026-11/ann-lee.yml.",
    ],
  },
);

BAD_CASES.push(
  {
    name: 'yaml: 200,000 open brackets stop at the depth limit, not the stack',
    changes: { 'accounts/acme.yaml': `a: ${'['.repeat(200_000)}\n` },
    expected: [
      "minimal/accounts/acme.yaml:1:103 error The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.",
    ],
  },
  {
    name: 'yaml: 5,000 nested list markers on one line',
    changes: { 'accounts/acme.yaml': `${'- '.repeat(5_000)}x\n` },
    expected: [
      "minimal/accounts/acme.yaml:1:201 error The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.",
    ],
  },
);
