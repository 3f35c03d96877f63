import { describe, expect, it } from 'vitest';
import { BAD_CASES } from './bad-input-cases.ts';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';

/** Every diagnostic line, as `validate` prints it, for each kind of mistake. */
const EXPECTED: Record<string, string[]> = {
  "yaml: unclosed flow sequence": [
    "minimal/accounts/acme.yaml:5:13 error A quote or bracket opened on this line is never closed (Flow sequence in block collection must be sufficiently indented and end with a ]). Close it on the same line.",
  ],
  "yaml: bad indentation of a nested key": [
    "minimal/accounts/acme.yaml:13:1 error The YAML cannot be read here (Sequence item without - indicator). Check the indentation, and that brackets and quotes are closed.",
  ],
  "yaml: duplicate key": [
    "minimal/accounts/acme.yaml:3:1 error The key \"status\" appears twice in the same mapping. Keep one of them; a second one would silently replace the first.",
  ],
  "yaml: tab used for indentation": [
    "minimal/accounts/acme.yaml:17:1 error A tab is used for indentation. YAML indents with spaces only: replace the tab with spaces.",
  ],
  "yaml: unclosed quote": [
    "minimal/accounts/acme.yaml:1:7 error A quote or bracket opened on this line is never closed (Missing closing \"quote). Close it on the same line.",
  ],
  "yaml: two documents in one file": [
    "minimal/accounts/acme.yaml:2:1 error The file holds several YAML documents (separated by \"---\"). A plans file holds exactly one: remove the extra \"---\" line.",
  ],
  "yaml: alias bomb": [
    "minimal/accounts/acme.yaml:5:5 error With this alias, the aliases (*name) of the file stand for more than 10000 values, which is how a \"billion laughs\" attack makes a small file huge. Write the values out instead of nesting aliases.",
  ],
  "yaml: alias to an undefined anchor": [
    "minimal/accounts/acme.yaml:4:13 error This alias (*name) refers to an anchor (&name) that is not defined above it. Define the anchor first, or write the value out.",
  ],
  "encoding: Latin-1 file is not UTF-8": [
    "minimal/accounts/acme.yaml:1:10 error The file is not valid UTF-8 (it may be saved as Latin-1 or Windows-1252). Save it as UTF-8; the first bad character is here.",
  ],
  "encoding: UTF-16 file": [
    "minimal/accounts/acme.yaml:1:1 error The file is saved as UTF-16. Save it as UTF-8 (in VS Code: \"Save with Encoding\", then \"UTF-8\").",
  ],
  "encoding: byte order mark is a warning and the file still reads": [
    "minimal/accounts/acme.yaml:1:1 warning The file starts with a byte order mark (BOM). It was ignored, but save the file as UTF-8 without BOM.",
  ],
  "encoding: mixed CRLF and LF line endings": [
    "minimal/accounts/acme.yaml:1:11 warning The file mixes Windows (CRLF) and Unix (LF) line endings. It was read, but save it with LF line endings so diffs stay clean.",
  ],
  "file: empty account plan": [
    "minimal/accounts/acme.yaml:1:1 error The file is empty, but an account plan is a set of \"key: value\" lines. See schemas/json/account.schema.json for its fields.",
  ],
  "file: a list instead of fields": [
    "minimal/accounts/acme.yaml:1:1 error The file is a list, but an account plan is a set of \"key: value\" lines. See schemas/json/account.schema.json for its fields.",
  ],
  "file: unknown file in the plans folder": [
    "minimal/notes.yaml:1:1 warning This file is not read as part of the plans. Plans folders hold workspace.yaml, team.yaml, goals.yaml, icp.yaml, accounts/<id>.yaml|.mdx and reviews/<YYYY-MM>/<person>.yaml.",
  ],
  "file: a .md plan instead of .mdx": [
    "minimal/accounts/initech.md:1:1 warning This file is not read as part of the plans. Account plans are .yaml or .mdx files: rename it.",
  ],
  "file: team.yaml missing": [
    "minimal/team.yaml:1:1 error team.yaml is missing. Every plans folder has one; see schemas/json/team.schema.json for its fields.",
  ],
  "file: account id is not kebab-case": [
    "minimal/accounts/Big Corp.yaml:1:1 error The file name \"Big Corp\" is the account's id and must be lower-case letters, digits and hyphens. Rename the file to big-corp.yaml.",
  ],
  "file: same id as .yaml and .mdx": [
    "minimal/accounts/globex.yaml:1:1 error The account id \"globex\" is also used by minimal/accounts/globex.mdx. Ids are file names and must be unique across the plans folder: merge the two or rename one.",
  ],
  "mdx: no frontmatter": [
    "minimal/accounts/globex.mdx:1:1 error An .mdx plan starts with a frontmatter block: a line \"---\", the plan's fields in YAML, and another \"---\" line, then the narrative.",
  ],
  "mdx: frontmatter never closed": [
    "minimal/accounts/globex.mdx:1:1 error The frontmatter block is never closed. Add a line \"---\" after the plan's fields, before the narrative.",
  ],
  "mdx: misspelt nested key in frontmatter": [
    "minimal/accounts/globex.mdx:10:37 error \"confidense\" is not a field of \"forecast[0]\". Did you mean \"confidence\"?",
  ],
  "mdx: YAML error in frontmatter is located in the file": [
    "minimal/accounts/globex.mdx:8:11 error A quote or bracket opened on this line is never closed (Flow sequence in block collection must be sufficiently indented and end with a ]). Close it on the same line.",
  ],
  "schema: unknown top-level key suggests the closest": [
    "minimal/accounts/acme.yaml:10:1 error \"stakeholder\" is not a field of an account plan. Did you mean \"stakeholders\"?",
  ],
  "schema: unknown nested key suggests the closest": [
    "minimal/accounts/acme.yaml:14:5 error \"stanse\" is not a field of \"stakeholders[0]\". Did you mean \"stance\"?",
  ],
  "schema: required field missing": [
    "minimal/accounts/acme.yaml:1:1 error owner is missing. Add \"owner:\" with the account executive who owns the plan (an id in team.yaml).",
  ],
  "schema: money written as 1.2M": [
    "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got \"1.2M\". Write 1200000.",
  ],
  "schema: money with a currency sign and commas": [
    "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got \"$300,000\". Write 300000.",
  ],
  "schema: negative revenue": [
    "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue must be at least 0, got -100.",
  ],
  "schema: confidence written as a percentage": [
    "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 50. Write 0.5 for 50%.",
  ],
  "schema: period without FY": [
    "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"Q1 2027\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1. Write FY2027-Q1.",
  ],
  "schema: date in day/month/year order": [
    "minimal/accounts/acme.yaml:2:16 error last_reviewed: \"15/10/2026\" is not valid: a date is written YYYY-MM-DD, such as 2026-10-15. Write 2026-10-15.",
  ],
  "schema: a date that does not exist": [
    "minimal/accounts/acme.yaml:2:16 error last_reviewed: this date does not exist in the calendar.",
  ],
  "schema: misspelt strategy": [
    "minimal/accounts/acme.yaml:3:11 error strategy: \"grw\" is not allowed. Did you mean \"grow\"? Write one of: acquire, grow, reactivate, retain, retire.",
  ],
  "schema: unknown buying role": [
    "minimal/accounts/acme.yaml:13:29 error stakeholders[0].roles[1]: \"champ\" is not allowed. Write one of: decision-maker, economic-buyer, technical-buyer, user, influencer, gatekeeper, coach, blocker.",
  ],
  "schema: stance that is not in the vocabulary": [
    "minimal/accounts/acme.yaml:14:13 error stakeholders[0].stance: \"friendly\" is not allowed. Write one of: champion, supporter, neutral, skeptic, detractor, unknown.",
  ],
  "schema: strategic written as yes": [
    "minimal/accounts/acme.yaml:2:12 error strategic: expected true or false, got \"yes\". Write true.",
  ],
  "schema: a single value where a list belongs": [
    "minimal/accounts/acme.yaml:13:12 error stakeholders[0].roles: expected a list (lines starting with \"- \"), got \"decision-maker\". Start each item on its own line with \"- \".",
  ],
  "schema: lower-case currency code": [
    "minimal/accounts/acme.yaml:6:11 error currency: \"eur\" is not valid: a currency is a three-letter ISO code such as USD or EUR. Write EUR.",
  ],
  "schema: id with spaces and capitals": [
    "minimal/accounts/acme.yaml:16:9 error stakeholders[1].id: \"Tom Ruiz\" is not valid: an id is lower-case letters, digits and hyphens, such as \"jane-doe\". Write tom-ruiz.",
  ],
  "schema: unknown person role in team.yaml": [
    "minimal/team.yaml:5:41 error people[3].role: \"ceo\" is not allowed. Write one of: account-executive, sales-manager, executive, sales-engineer, customer-success, other.",
  ],
  "schema: fiscal year start month out of range": [
    "minimal/workspace.yaml:3:26 error fiscal_year_start_month must be at most 12, got 13.",
  ],
  "link: owner not in team.yaml suggests the closest": [
    "minimal/accounts/acme.yaml:4:8 error owner: \"ann-le\" is not a person in team.yaml. Did you mean \"ann-lee\"?",
  ],
  "link: relationship owner not in team.yaml": [
    "minimal/accounts/acme.yaml:15:19 error stakeholders[0].relationship: \"zed-nobody\" is not a person in team.yaml. Add the relationship owner to team.yaml, or use the id of someone listed there.",
  ],
  "link: a 5,000-character owner is quoted as a short excerpt": [
    "minimal/accounts/acme.yaml:4:8 error owner: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is not a person in team.yaml. Add the owner to team.yaml, or use the id of someone listed there.",
  ],
  "link: reports_to names no stakeholder of the plan": [
    "minimal/accounts/acme.yaml:18:17 error stakeholders[1].reports_to: \"mariaa\" is not a stakeholder in this plan. Did you mean \"maria\"?",
  ],
  "link: reports_to cycle": [
    "minimal/accounts/acme.yaml:16:17 error stakeholders[0].reports_to: maria → tom → maria is a circle. Someone at the top reports to nobody: remove one \"reports_to\".",
  ],
  "link: duplicate stakeholder id": [
    "minimal/accounts/acme.yaml:16:9 error stakeholders[1].id: \"maria\" is used twice in stakeholders. Give each one its own id.",
    "minimal/accounts/acme.yaml:18:17 error stakeholders[1].reports_to: Tom cannot report to themselves. Remove the line or name their manager.",
  ],
  "link: dimension value not in workspace.yaml": [
    "minimal/accounts/acme.yaml:5:40 error dimensions.region: \"emae\" is not a region in workspace.yaml. Did you mean \"emea\"? Write one of: americas, emea.",
  ],
  "link: unknown dimension key": [
    "minimal/accounts/acme.yaml:5:54 error dimensions.segmnt: \"segmnt\" is not a dimension in workspace.yaml. The dimensions are: channel, region.",
  ],
  "link: missing dimension": [
    "minimal/accounts/acme.yaml:5:13 error dimensions.region is missing, so the plan cannot be rolled up by region. Add \"region:\" with one of: americas, emea.",
  ],
  "link: currency without an fx rate": [
    "minimal/accounts/acme.yaml:6:11 error currency: there is no exchange rate for GBP. Add \"fx: { GBP: <USD per GBP> }\" to workspace.yaml, or write the plan in USD.",
  ],
  "link: parent that does not exist": [
    "minimal/accounts/acme.yaml:2:9 error parent: \"globx\" is not an account. Did you mean \"globex\"?",
  ],
  "link: parent cycle": [
    "minimal/accounts/acme.yaml:2:9 error parent: acme → globex → acme is a circle. The top account of a family has no parent: remove one \"parent\".",
  ],
  "link: annual and quarterly forecast for one year is double counting": [
    "minimal/accounts/acme.yaml:8:15 error forecast[0]: FY2027 is given as a year and also by quarter (forecast[2]), which would count it twice. Keep the quarters and remove the annual entry, or the other way round.",
  ],
  "link: the same quarter forecast twice": [
    "minimal/accounts/acme.yaml:10:15 error forecast[2]: FY2027-Q2 is already forecast in forecast[0]. Add the two amounts into one entry.",
  ],
  "link: manager cycle in team.yaml": [
    "minimal/team.yaml:2:69 error people[0].manager: ann-lee → max-roe → eva-cho → ann-lee is a circle. Someone at the top reports to nobody: remove one \"manager\".",
  ],
  "link: goal scope key that is not a dimension": [
    "minimal/goals.yaml:3:40 error goals[1].scope: \"chanel\" is not a dimension, \"owner\" or \"manager\". Did you mean \"channel\"?",
  ],
  "link: goal scope for a person who manages nobody": [
    "minimal/goals.yaml:4:44 error goals[2].scope.manager: nobody in team.yaml has \"manager: ann-lee\", so this goal covers no plan. Use \"owner: ann-lee\" for their own book.",
  ],
  "link: unknown offering in penetration": [
    "minimal/accounts/acme.yaml:8:17 error penetration[0].offering: \"sensor\" is not an offering in workspace.yaml. Did you mean \"sensors\"?",
  ],
  "link: review for a person who does not exist": [
    "minimal/reviews/2026-11/ann-le.yaml:1:1 error The file name \"ann-le\" should be the id of the person whose book is reviewed, but nobody in team.yaml has that id. Did you mean \"ann-lee\"?",
  ],
  "link: review dated outside its month folder": [
    "minimal/reviews/2026-11/ann-lee.yaml:2:7 error date: 2026-10-20 is not in 2026-11, the month of the folder. Move the file to reviews/2026-10/ or fix the date.",
  ],
  "file: an invalid goals.yaml is reported once, not also as missing": [
    "minimal/goals.yaml:2:32 error goals[0].revenue: expected a number, got \"lots\". Write a plain number, such as 250000.",
  ],
  "file: goals.yaml missing is a warning": [
    "minimal/goals.yaml:1:1 warning goals.yaml is missing, so check has no goals to compare the plans with. Add it with at least the company goal for the year.",
  ],
  "mdx: narrative that is not valid MDX fails validation, not the site build": [
    "minimal/accounts/globex.mdx:15:16 error The narrative is not valid MDX here, so the site cannot be built: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`). A literal \"<\" or \"{\" is written \"\\<\" or \"\\{\".",
  ],
  "mdx: an expression in the narrative would run code at build time": [
    "minimal/accounts/globex.mdx:15:11 error \"{process.exit(1)}\" is an MDX expression, which would run as code when the site is built. Write \\{ and \\} for literal braces, or put code in backticks.",
  ],
  "mdx: an import in the narrative": [
    "minimal/accounts/globex.mdx:15:1 error The narrative has an \"import\" statement, which would run as code when the site is built. Remove it: narratives are Markdown.",
  ],
  "mdx: a component in the narrative": [
    "minimal/accounts/globex.mdx:15:1 error <RevenueChart> is a component, and plan narratives have none: the site build would fail. Use Markdown, or plain HTML such as <b> or <table>.",
  ],
  "mdx: braces in code spans and fences are fine": [
  ],
  "file name: an upper-case .YAML extension is refused, not skipped": [
    "minimal/accounts/initech.YAML:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml), and this one has capitals. Rename it to initech.yaml.",
  ],
  "file name: a mixed-case .Yml review is refused": [
    "minimal/reviews/2026-11/ann-lee.Yml:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml), and this one has capitals. Rename it to ann-lee.yml.",
  ],
  "file name: an upper-case .MDX plan is refused": [
    "minimal/accounts/initech.MDX:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml), and this one has capitals. Rename it to initech.mdx.",
  ],
  "file name: Team.yaml in capitals is refused, and not also reported missing": [
    "minimal/Team.yaml:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml), and this one has capitals. Rename it to team.yaml.",
  ],
  "size: a plan one byte over 1 MB is reported and not parsed": [
    "minimal/accounts/acme.yaml:1:1 error The file is 1048577 bytes. Plans files may be at most 1 MB (1048576 bytes), so it was not parsed. Shorten it, or raise \"max_file_bytes\" in workspace.yaml if plans this large are intended.",
  ],
  "size: a plan of exactly 1 MB is read": [
  ],
  "size: workspace.yaml lowers the limit": [
    "minimal/accounts/acme.yaml:1:1 error The file is 1001 bytes. Plans files may be at most 1000 bytes, so it was not parsed. Shorten it, or raise \"max_file_bytes\" in workspace.yaml if plans this large are intended.",
  ],
  "size: workspace.yaml raises the limit": [
  ],
  "size: the limit does not apply to team.yaml, which has a fixed cap": [
    "minimal/accounts/acme.yaml:1:1 error The file is 392 bytes. Plans files may be at most 250 bytes, so it was not parsed. Shorten it, or raise \"max_file_bytes\" in workspace.yaml if plans this large are intended.",
  ],
  "size: workspace.yaml cannot raise its own cap": [
    "minimal/workspace.yaml:1:1 error The file is 4194573 bytes. workspace.yaml may be at most 4 MB (4194304 bytes) whatever workspace.yaml says. Split it or remove what it does not need.",
  ],
  "size: an out-of-range limit is a schema error": [
    "minimal/workspace.yaml:12:17 error max_file_bytes must be at most 67108864, got 1000000000000.",
  ],
  "yaml: an alias inside its own anchor": [
    "minimal/accounts/acme.yaml:2:14 error This alias (*name) is used inside the value its own anchor (&name) names, so the value would contain itself without end. Write the value out instead.",
  ],
  "yaml: aliases within the budget are fine": [
  ],
  "yaml: the alias limit is reported at the alias that crossed it": [
    "minimal/accounts/acme.yaml:20:21 error With this alias, the aliases (*name) of the file stand for more than 10000 values, which is how a \"billion laughs\" attack makes a small file huge. Write the values out instead of nesting aliases.",
  ],
  "yaml: nested more than 100 levels": [
    "minimal/accounts/acme.yaml:19:106 error The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.",
  ],
  "hint: confidence 1.5 is not read as a percentage": [
    "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 1.5. A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.",
  ],
  "hint: confidence 5 says what a fraction is": [
    "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 5. A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.",
  ],
  "hint: confidence 12.5 reads as a percentage": [
    "minimal/accounts/acme.yaml:9:52 error forecast[1].confidence must be at most 1, got 12.5. Write 0.125 for 12.5%.",
  ],
  "hint: tolerance 250 is no percentage of a fraction": [
    "minimal/workspace.yaml:8:12 error tolerance must be at most 1, got 250. A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.",
  ],
  "hint: FY99999 gets no period that changes its meaning": [
    "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"FY99999\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1.",
  ],
  "hint: a fifth quarter gets no suggestion": [
    "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"FY2027-Q5\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1.",
  ],
  "hint: fy2027 in lower case": [
    "minimal/accounts/acme.yaml:8:15 error forecast[0].period: \"fy2027\" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1. Write FY2027.",
  ],
  "hint: a month 13 date gets no suggestion": [
    "minimal/accounts/acme.yaml:2:16 error last_reviewed: \"2026/13/01\" is not valid: a date is written YYYY-MM-DD, such as 2026-10-15.",
  ],
  "hint: a US date whose order is certain": [
    "minimal/accounts/acme.yaml:2:16 error last_reviewed: \"10/15/2026\" is not valid: a date is written YYYY-MM-DD, such as 2026-10-15. Write 2026-10-15.",
  ],
  "hint: 1,5 is not read as fifteen": [
    "minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got \"1,5\". Write a plain number, such as 250000.",
  ],
  "hint: a number with leading zeros is quoted as written": [
    "minimal/accounts/acme.yaml:1:7 error name: expected a text, got 123. Put it in quotes: \"00123\".",
  ],
  "missing: an enum field says it is missing": [
    "minimal/accounts/acme.yaml:1:1 error status is missing. Add \"status:\" with current (they buy from us) or target (we want to win them).",
  ],
  "missing: two enum fields at once": [
    "minimal/accounts/acme.yaml:1:1 error status is missing. Add \"status:\" with current (they buy from us) or target (we want to win them).",
    "minimal/accounts/acme.yaml:1:1 error strategy is missing. Add \"strategy:\" with acquire, grow, reactivate, retain or retire.",
  ],
  "missing: a person role in team.yaml": [
    "minimal/team.yaml:5:5 error people[3].role is missing. Add \"role:\" with account-executive, sales-manager, executive, sales-engineer, customer-success or other.",
  ],
  "excerpt: a long value is cut to one short line": [
    "minimal/accounts/acme.yaml:3:11 error strategy: \"grow and then grow and then grow and then grow and then gro…\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
  ],
  "excerpt: a multi-line value stays on one line": [
    "minimal/accounts/acme.yaml:3:11 error strategy: \"first line\\nsecond line with a secret\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
  ],
  "excerpt: a long unknown key": [
    "minimal/accounts/acme.yaml:2:1 error \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…\" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.",
  ],
  "excerpt: a whole file read as one value is not printed": [
    "minimal/accounts/acme.yaml:1:1 error The file is a single text of 94 characters, but an account plan is a set of \"key: value\" lines. See schemas/json/account.schema.json for its fields.",
  ],
  "excerpt: control and bidi characters are escaped": [
    "minimal/accounts/acme.yaml:3:11 error strategy: \"gr\\u202eow\\u001b[31m\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
  ],
  "lines: an unclosed flow mapping at the end of the file stays inside it": [
    "minimal/accounts/acme.yaml:19:8 error A quote or bracket opened on this line is never closed (Flow map in block collection must be sufficiently indented and end with a }). Close it on the same line.",
  ],
  "hint: a very long value is not compared with every allowed value for a typo": [
    "minimal/accounts/acme.yaml:3:11 error strategy: \"grow-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-…\" is not allowed. Write one of: acquire, grow, reactivate, retain, retire.",
  ],
  "hint: a very long unknown key gets no suggestion": [
    "minimal/accounts/acme.yaml:2:1 error \"stakeholders_ssssssssssssssssssssssssssssssssssssssssssssss…\" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.",
  ],
  "file name: an Accounts folder in capitals is refused, not skipped": [
    "minimal/Accounts/initech.yaml:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml), and this one has capitals. Rename it to accounts/initech.yaml.",
  ],
  "file name: a Reviews folder and a .YML extension are both named in the fix": [
    "minimal/Reviews/2026-11/ann-lee.YML:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml), and this one has capitals. Rename it to reviews/2026-11/ann-lee.yml.",
  ],
  "yaml: 200,000 open brackets stop at the depth limit, not the stack": [
    "minimal/accounts/acme.yaml:1:103 error The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.",
  ],
  "yaml: 5,000 nested list markers on one line": [
    "minimal/accounts/acme.yaml:1:201 error The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.",
  ],
};

describe('bad input: each mistake is reported at its file, line and column with what to write', () => {
  const base = fixtureFiles('minimal');

  it('covers at least 40 kinds of mistake', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_CASES)('$name', ({ name, changes }) => {
    const files = withFiles(base, changes);
    expect(diagnosticLines(files)).toEqual(EXPECTED[name]);
  });

  it.each(BAD_CASES.filter((c) => EXPECTED[c.name]!.some((l) => / error /.test(l))))('$name: yields no workspace, so nothing is summed', ({ changes }) => {
    expect(load(withFiles(base, changes)).workspace).toBeUndefined();
  });
});

describe('one run shows the problems of every file', () => {
  it('reports a schema error in one plan and a cross-file error in another together', () => {
    const base = fixtureFiles('minimal');
    const acme = new TextDecoder().decode(base.find((f) => f.rel === 'accounts/acme.yaml')!.bytes);
    const globex = new TextDecoder().decode(base.find((f) => f.rel === 'accounts/globex.mdx')!.bytes);
    const files = withFiles(base, {
      'accounts/acme.yaml': acme.replace('strategy: grow', 'strategy: grw'),
      'accounts/globex.mdx': globex.replace('owner: bo-kim', 'owner: bo-kym').replace('name: Globex\n', 'name: Globex\nparent: acme\n'),
    });
    expect(diagnosticLines(files)).toEqual([
      'minimal/accounts/acme.yaml:3:11 error strategy: "grw" is not allowed. Did you mean "grow"? Write one of: acquire, grow, reactivate, retain, retire.',
      'minimal/accounts/globex.mdx:6:8 error owner: "bo-kym" is not a person in team.yaml. Did you mean "bo-kim"?',
    ]);
  });
});
