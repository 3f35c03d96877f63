import { LEDGER_FIELDS, MAPPED_ONLY_FIELDS, headerOf, headerProblem, mapColumns, type ColumnMap } from './columns.ts';
import { parseCsvChunks } from './csv.ts';
import { rowFilter, UnreadColumns, type RowFilter } from './filter.ts';
import { MAX_PROBLEMS_PER_FILE, tooManyProblems } from './errors.ts';
import { labelMaps, readRow, type LedgerRow, type RowRules, type UnknownSeller } from './record.ts';
import { diagnose, placed, problem } from '../../diagnostics/diagnose.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { roundCents } from '../../shared/money.ts';
import { crmKey, type CrmIdForm } from '../../shared/crm-ids.ts';
import { missingPresetHeaders, presetFooter, salesForFile } from './preset-settings.ts';
import { PRESETS } from './presets.ts';
import type { Ledger, LedgerAmount, LedgerClient, Workspace } from '../../model.ts';
import { periodStart } from '../../shared/periods.ts';

/** How many fiscal years before the goals' a ledger may hold: the method reviews the last two years of sales. */
const REVIEWED_YEARS = 2;

/** One CSV file of the ledger, as the user opens it, with its bytes in chunks (read from disk, or given by a test). */
export interface LedgerSource {
  display: string;
  chunks: Iterable<Uint8Array>;
  /** Whether the file could not be read to its end (the reader reports why): then no rows is no sign of an empty file. */
  unread?: () => boolean;
}

/**
 * Reads, checks and sums the ledger's files against a linked workspace. Pure but for the chunks it pulls.
 * Every bad row or cell becomes a located error; the ledger is returned only when there is none.
 * A valid row dated after `today` (YYYY-MM-DD, the run's date) is no sale yet: it counts in no figure, and each file
 * with such rows gets one warning. Without `today` (a caller with no date, such as a test of the ledger as written)
 * every valid row counts.
 */
export function buildLedger(sources: Iterable<LedgerSource>, ws: Workspace, today?: string): { ledger: Ledger | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...checkColumnSettings(ws), ...checkValueSettings(ws)];
  const rules: RowRules = { settings: ws.settings, years: yearsNamed(ws), labels: labelMaps(ws.settings.sales), people: new Set(ws.people.map((p) => p.id)) };
  // sales.crm_ids: salesforce matches a 15-character id and its 18-character form; without it, ids match as written.
  const form = ws.settings.sales?.crm_ids;
  const separator = ws.settings.sales?.account_separator;
  const byCrm = new Map<string, string>();
  for (const a of ws.accounts) {
    const key = a.plan.crm?.id === undefined ? undefined : crmKey(a.plan.crm.id, form);
    if (key !== undefined && !byCrm.has(key)) byCrm.set(key, a.id);
  }
  const ledger: Ledger = { files: [], rows: 0, clients: new Map(), years: new Set(), through: undefined };
  const dimensions = Object.keys(ws.settings.dimensions);

  for (const source of sources) {
    ledger.files.push(source.display);
    let map: ColumnMap | undefined;
    // The settings this file is read with: a preset's amount column depends on the file's header.
    let sales = ws.settings.sales;
    let fileRules = rules;
    let filter: RowFilter | undefined;
    let stages: UnreadColumns | undefined;
    let problems = 0;
    const report = (d: Diagnostic): boolean => {
      // Past the limit, one line says so (the header's loops go on calling: they must not repeat it).
      if (++problems > MAX_PROBLEMS_PER_FILE) {
        if (problems === MAX_PROBLEMS_PER_FILE + 1) diagnostics.push(tooManyProblems(source.display, d.line));
        return false;
      }
      diagnostics.push(d);
      return true;
    };
    let rows = 0;
    // Sellers nobody in team.yaml is: one warning each, at its first row, with how many rows name them.
    const unknownSellers = new Map<string, { seller: UnknownSeller; at: { line: number; column: number }; rows: number }>();
    let moreSellers = 0;
    // Account cells that name two plans (sales.account_separator): one warning per cell value, at its first row.
    const twoPlans = new Map<string, { at: { line: number; column: number }; rows: number; plan: string; also: string }>();
    let moreTwoPlans = 0;
    // sales.footer: stop-at-blank-line: the rows after the first blank line are a report's footer, counted, not read.
    const stopAtBlank = ws.settings.sales?.footer === 'stop-at-blank-line';
    let footer: { blank: number; at: { line: number; column: number }; rows: number } | undefined;
    // A preset's report footer (Salesforce's "Grand Totals (N records)" and the lines after it) ends the file, known by its first line.
    const known = presetFooter(ws.settings.sales);
    let reportFooter: { first: string; records: number; above: number; at: { line: number; column: number }; rows: number; row?: { line: number; column: number } } | undefined;
    // Rows dated after today: counted, the first one placed, for the file's one warning.
    let future: { at: { line: number; column: number }; column: string; value: string; dated: boolean; rows: number } | undefined;
    const failure = parseCsvChunks(source.chunks, (csv) => {
      if (footer) return void footer.rows++;
      if (reportFooter) {
        reportFooter.rows++;
        // A footer's lines are shorter than a row: a row of every column after it is a sale the footer would hide.
        if (!reportFooter.row && map && map.headers.length > 1 && csv.cells.length === map.headers.length) reportFooter.row = { line: csv.line, column: 1 };
        return;
      }
      if (stopAtBlank && csv.afterBlank) {
        footer = { blank: csv.line - 1, at: { line: csv.line, column: 1 }, rows: 1 };
        return;
      }
      // Its first line follows a blank line, or is no row of the header's shape: a sale named so is still a sale.
      const first = known && map && (csv.afterBlank || csv.cells.length !== map.headers.length) ? known.footer.first.exec(csv.cells[0]?.trim() ?? '') : null;
      if (first) {
        reportFooter = { first: csv.cells[0]!.trim(), records: Number(first[1]!.replace(/\D/g, '')), above: rows - 1, at: { line: csv.line, column: 1 }, rows: 1 };
        return;
      }
      rows++;
      const bad = csv.cells.findIndex((c) => c.includes('\uFFFD'));
      // A header that cannot be read stops the file: the next row would be taken for the header.
      if (bad >= 0) return report(diagnose(source.display, csv.cellAt(bad), 'not-utf8', { cell: csv.cells[bad]! })) && map !== undefined;
      if (!map) {
        const headers = csv.cells.map((h) => h.trim());
        sales = salesForFile(ws.settings.sales, headers);
        if (sales !== ws.settings.sales) fileRules = { ...rules, settings: { ...ws.settings, ...(sales && { sales }) } };
        const mapped = mapColumns(csv.cells, sales, dimensions);
        map = mapped.map;
        // A file that is not the preset's export: one error naming the preset and what it lacks, not one per column.
        const missing = missingPresetHeaders(sales, headers);
        if (missing.length > 0) {
          report(placed(source.display, { line: csv.line, column: 1 }, problem('ledger-preset-headers', { preset: sales!.preset!, export: PRESETS[sales!.preset!].export, missing, headers })));
          return false;
        }
        for (const p of mapped.problems) {
          const where = p.kind === 'duplicate' ? csv.cellAt(p.index) : { line: csv.line, column: 1 };
          report(placed(source.display, where, headerProblem(p, map, sales)));
        }
        const filtered = rowFilter(map.headers, sales);
        for (const p of filtered.problems) report(placed(source.display, { line: csv.line, column: 1 }, p.problem));
        filter = filtered.filter;
        const accepted = mapped.problems.length === 0 && filtered.problems.length === 0;
        // A refused header reads no row, so it has nothing to say about unread columns.
        if (accepted) stages = new UnreadColumns(map.headers, sales, map.fields.currency !== undefined, (index) => csv.cellAt(index));
        return accepted;
      }
      // A row of another shape is left to readRow, which says so; a row the filter leaves out is no sale, whatever its cells hold.
      if (csv.cells.length === map.headers.length) {
        if (filter && !filter.keeps(csv.cells)) return true;
        stages?.note(csv.cells);
      }
      const { row, problems: cellProblems, unknownSeller } = readRow(csv.cells, map, fileRules);
      for (const p of cellProblems) if (!report(placed(source.display, csv.cellAt(p.cell), p))) return false;
      if (row && today !== undefined && isAfter(row, today, ws.settings.fiscal_year_start_month)) {
        if (future) future.rows++;
        else {
          const cell = map.fields.date ?? map.fields.period!;
          future = { at: csv.cellAt(cell), column: map.headers[cell]!, value: csv.cells[cell]!.trim(), dated: row.date !== undefined, rows: 1 };
        }
        return true;
      }
      const stranger = row && unknownSeller;
      if (stranger) {
        const seen = unknownSellers.get(stranger.value);
        if (seen) seen.rows++;
        else if (unknownSellers.size < MAX_SELLER_WARNINGS) unknownSellers.set(stranger.value, { seller: stranger, at: csv.cellAt(stranger.cell), rows: 1 });
        else moreSellers++;
      }
      if (row) {
        const account = resolveAccount(row.account, separator, ws, byCrm, form);
        if (account.also !== undefined) {
          const seen = twoPlans.get(row.account);
          if (seen) seen.rows++;
          else if (twoPlans.size < MAX_SELLER_WARNINGS) twoPlans.set(row.account, { at: csv.cellAt(map.fields.account!), rows: 1, plan: account.planId!, also: account.also });
          else moreTwoPlans++;
        }
        // A margin column left empty is no margin of 0: only a written margin makes the year's margins known.
        const margin = map.fields.margin === undefined ? '' : csv.cells[map.fields.margin]!.trim();
        addRow(ledger, row, account, margin !== '', () => ({ file: source.display, ...csv.cellAt(map!.fields.account!) }));
      }
      return true;
    }, ws.settings.sales?.delimiter);
    if (map && stages) for (const w of stages.warnings(map.headers)) diagnostics.push(placed(source.display, w.at, w.problem));
    diagnostics.push(...sellerWarnings(source.display, [...unknownSellers.values()], moreSellers, ws));
    const found = [...twoPlans.entries()];
    found.forEach(([cell, f], i) => diagnostics.push(diagnose(source.display, f.at, 'ledger-account-two-plans', { column: headerOf('account', sales), cell, plan: f.plan, also: f.also, rows: f.rows, more: i === found.length - 1 ? moreTwoPlans : 0 })));
    // A footer whose first row is not valid CSV ends the file all the same.
    if (failure && !footer && stopAtBlank && failure.afterBlank) footer = { blank: failure.line - 1, at: { line: failure.line, column: 1 }, rows: 0 };
    if (future) diagnostics.push(diagnose(source.display, future.at, 'ledger-future-sales', { column: future.column, value: future.value, dated: future.dated, today: today!, rows: future.rows }));
    if (footer) diagnostics.push(diagnose(source.display, footer.at, 'ledger-footer', { blank: footer.blank, rows: footer.rows, whole: !failure }));
    if (reportFooter) {
      diagnostics.push(diagnose(source.display, reportFooter.at, 'ledger-report-footer', { preset: known!.preset, first: reportFooter.first, rows: reportFooter.rows, whole: !failure }));
      if (reportFooter.row) report(diagnose(source.display, reportFooter.row, 'ledger-row-after-footer', { first: reportFooter.first, line: reportFooter.at.line }));
      if (reportFooter.records !== reportFooter.above) diagnostics.push(diagnose(source.display, reportFooter.at, 'ledger-footer-count', { first: reportFooter.first, said: reportFooter.records, rows: reportFooter.above }));
    }
    // What the footer holds is not read: quotes a report leaves open there are no error.
    if (failure && !footer && !reportFooter) report(diagnose(source.display, failure, 'ledger-csv-syntax', { parserCode: failure.code }));
    else if (rows === 0 && !source.unread?.()) report(diagnose(source.display, { line: 1, column: 1 }, 'empty-file', { of: 'ledger' }));
  }
  const errors = diagnostics.some((d) => d.severity === 'error');
  return { ledger: errors ? undefined : ledger, diagnostics };
}

/**
 * Whether a row comes after today: its date, or, for a row that gives a period, the period's first day. The date is
 * compared as written (a time of day in the cell is no part of it), so a sale made on today's date counts.
 */
function isAfter(row: LedgerRow, today: string, startMonth: number): boolean {
  return (row.date ?? periodStart(row.period, startMonth)) > today;
}

/** How many unknown sellers of one file get a warning of their own; the others are counted in the last one. */
const MAX_SELLER_WARNINGS = 20;

function sellerWarnings(file: string, found: readonly { seller: UnknownSeller; at: { line: number; column: number }; rows: number }[], more: number, ws: Workspace): Diagnostic[] {
  const ids = ws.people.map((p) => p.id);
  const column = headerOf('owner', ws.settings.sales);
  return found.map((f, i) => {
    const person = ws.people.find((p) => p.name.trim().toLowerCase() === f.seller.value.toLowerCase())?.id;
    return diagnose(file, f.at, 'ledger-unknown-seller', { column, value: f.seller.value, id: f.seller.id, rows: f.rows, person, ids, more: i === found.length - 1 ? more : 0 });
  });
}

/**
 * The client a row's account cell names: a plan (by its id or a crm.id), else the cell itself. With
 * sales.account_separator the cell may hold several ids: the row counts once, for the first that names a plan (else
 * for the first id), and `also` is the next id that names another plan.
 */
function resolveAccount(cell: string, separator: string | undefined, ws: Workspace, byCrm: ReadonlyMap<string, string>, form: CrmIdForm): { key: string; planId: string | undefined; also?: string } {
  const planOf = (id: string) => (ws.accountById.has(id) ? id : byCrm.get(crmKey(id, form)));
  if (separator === undefined || !cell.includes(separator)) {
    const planId = planOf(cell);
    return { key: planId ?? cell, planId };
  }
  const ids = cell.split(separator).map((id) => id.trim()).filter((id) => id !== '');
  let planId: string | undefined;
  for (const id of ids) {
    const plan = planOf(id);
    if (plan === undefined) continue;
    if (planId === undefined) planId = plan;
    else if (plan !== planId) return { key: planId, planId, also: plan };
  }
  return { key: planId ?? ids[0] ?? cell, planId };
}

/** `at` is worked out only for a client's first row: locating a cell decodes the row again. */
function addRow(ledger: Ledger, row: LedgerRow, account: { key: string; planId: string | undefined }, margined: boolean, at: () => LedgerClient['at']): void {
  const { planId, key } = account;
  let client = ledger.clients.get(key);
  if (!client) {
    client = { id: key, hasPlan: planId !== undefined, name: undefined, dimensions: {}, at: at(), byPeriod: new Map(), byYearProduct: new Map(), marginYears: new Set() };
    ledger.clients.set(key, client);
  }
  if (row.name !== undefined) client.name = row.name;
  if (planId === undefined) Object.assign(client.dimensions, row.dimensions);
  const year = row.period.slice(0, 6);
  add(client.byPeriod, row.period, row);
  if (row.seller !== undefined) {
    client.bySeller ??= new Map();
    let periods = client.bySeller.get(row.seller);
    if (!periods) client.bySeller.set(row.seller, (periods = new Map()));
    add(periods, row.period, row);
    ledger.soldBy ??= new Map();
    let keys = ledger.soldBy.get(row.seller);
    if (!keys) ledger.soldBy.set(row.seller, (keys = new Set()));
    keys.add(key);
  }
  let products = client.byYearProduct.get(year);
  if (!products) client.byYearProduct.set(year, (products = new Map()));
  add(products, row.product, row);
  ledger.years.add(year);
  if (margined) client.marginYears.add(year);
  ledger.rows++;
  if (row.date !== undefined && (ledger.through === undefined || row.date > ledger.through)) ledger.through = row.date;
}

function add(map: Map<string, LedgerAmount>, key: string, row: LedgerRow): void {
  const sum = map.get(key);
  if (sum) {
    sum.revenue = roundCents(sum.revenue + row.revenue);
    sum.margin = roundCents(sum.margin + row.margin);
  } else map.set(key, { revenue: roundCents(row.revenue), margin: roundCents(row.margin) });
}

/**
 * The span of fiscal years the workspace knows: those its goals, forecasts and history name, and the two years before
 * the earliest goal, the past sales step 1 of the method reviews (so the ledger can replace a typed history rather
 * than need one). A row outside the span is a typo, or a year nobody plans or reviews.
 */
function yearsNamed(ws: Workspace): RowRules['years'] {
  const years: number[] = [];
  const note = (period: string) => years.push(Number(period.slice(2, 6)));
  for (const g of ws.goals) note(g.period);
  if (years.length > 0) years.push(Math.min(...years) - REVIEWED_YEARS);
  for (const a of ws.accounts) for (const list of [a.plan.forecast, a.plan.history, a.plan.stretch]) for (const e of list) note(e.period);
  if (years.length === 0) return undefined;
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** A key under sales.columns that is no field: the mapping would silently read nothing. */
function checkColumnSettings(ws: Workspace): Diagnostic[] {
  const columns = ws.settings.sales?.columns ?? {};
  const known = [...LEDGER_FIELDS, ...MAPPED_ONLY_FIELDS, ...Object.keys(ws.settings.dimensions)];
  const where = ws.sources.workspace;
  return Object.keys(columns)
    .filter((k) => !known.includes(k))
    .map((k) => diagnose(where.file, where.source.locate(['sales', 'columns', k], 'key'), 'unknown-key', { in: 'sales.columns', key: k, known }));
}

/** The fields whose labels sales.values maps, each with the ids it has (undefined: any id, checked at the row). */
function labelledFields(ws: Workspace): Map<string, readonly string[] | undefined> {
  const out = new Map<string, readonly string[] | undefined>();
  for (const [d, ids] of Object.entries(ws.settings.dimensions)) out.set(d, ids);
  out.set('product', ws.settings.offerings.map((o) => o.id));
  // A seller mapped to someone who has left is no mistake in the setting: each of their rows says so, and follows the account's owner.
  out.set('owner', undefined);
  return out;
}

/** sales.values: a key that is no labelled field, or a label mapped to an id its field does not have, is an error at the setting. */
function checkValueSettings(ws: Workspace): Diagnostic[] {
  const values = ws.settings.sales?.values ?? {};
  const fields = labelledFields(ws);
  const where = ws.sources.workspace;
  const out: Diagnostic[] = [];
  for (const [field, labels] of Object.entries(values)) {
    if (!fields.has(field)) {
      out.push(diagnose(where.file, where.source.locate(['sales', 'values', field], 'key'), 'unknown-key', { in: 'sales.values', key: field, known: [...fields.keys()] }));
      continue;
    }
    const allowed = fields.get(field);
    if (allowed === undefined) continue;
    for (const [label, id] of Object.entries(labels)) {
      if (!allowed.includes(id)) out.push(diagnose(where.file, where.source.locate(['sales', 'values', field, label]), 'ledger-values-unknown-id', { field, label, id, allowed }));
    }
  }
  return out;
}
