import { closeSync, lstatSync, mkdirSync, openSync, realpathSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { IdSchema } from '../../schemas/common.ts';
import { hasErrors } from '../../src/core/diagnostics/diagnostic.ts';
import { Run } from '../../src/core/engine/run.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { Invocation } from '../../src/core/shared/invocation.ts';
import type { Workspace } from '../../src/core/model.ts';
import { formatDiagnostic } from '../../src/core/report/diagnostics.ts';
import { closest, excerpt } from '../../src/core/shared/suggest.ts';
import { planTemplate } from '../../src/core/templates/plan.ts';
import { reviewTemplate } from '../../src/core/templates/review.ts';
import { ExitError, howOf, parseOptions, plansDirOption, todayOption, type Output } from '../lib/cli.ts';
import { pathTooLong } from '../lib/path-limits.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { packageRoot } from '../lib/package.ts';

export const NEW_USAGE = [
  'Usage: npm run new -- plan <id> --name "Name" --owner <person> [--target] [--strategic] [--forecast N] [--plans DIR]',
  '       npm run new -- review --person <id> --month YYYY-MM [--plans DIR]',
].join('\n');

const refuse = (message: string) => new ExitError(2, message);

/** Starts a plan or a review from a template; returns 0, or throws ExitError(2) with nothing written. */
export function newCommand(argv: string[], output: Output, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): number {
  const [kind, ...rest] = argv;
  if (kind === '--help' || kind === '-h') return (output.out(NEW_USAGE), 0);
  if (kind !== 'plan' && kind !== 'review') throw refuse(`Say what to start: "plan" or "review"${kind === undefined ? '' : `, not ${excerpt(kind)}`}.\n${NEW_USAGE}`);
  const id = kind === 'plan' && rest[0] !== undefined && !rest[0].startsWith('--') ? rest.shift() : undefined;
  // --target once took an amount; say where the amount goes now instead of "unexpected argument".
  const amount = rest[rest.indexOf('--target') + 1];
  if (rest.includes('--target') && amount !== undefined && /^\d/.test(amount)) {
    throw refuse(`--target takes no value: it starts a target account (status: target, strategy: acquire). Give this year's forecast with --forecast ${excerpt(amount)}.`);
  }
  const values = parseOptions(rest, {
    plans: { type: 'string' }, name: { type: 'string' }, owner: { type: 'string' }, target: { type: 'boolean' }, forecast: { type: 'string' },
    strategic: { type: 'boolean' }, person: { type: 'string' }, month: { type: 'string' },
  }, NEW_USAGE);
  const plansDir = plansDirOption(values.plans);
  const today = todayOption(undefined, env, NEW_USAGE);
  const how = howOf(output);
  const read = () => Run.of(workingCopy({ plansDir, cwd }), { today, how }).loaded;
  const { workspace, diagnostics } = read();
  if (!workspace) {
    throw refuse(`${diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => formatDiagnostic(d)).join('\n')}\nThe plans folder has errors (${how.command('validate')} lists them); fix them before starting a new file.`);
  }
  const root = resolve(cwd, plansDir);
  const { rel, text } = kind === 'plan' ? planFile(workspace, id, values, today, how, root) : reviewFile(workspace, values, today, how, root);
  const written = writeNew(root, rel, cwd);
  try {
    writeSync(written.fd, text);
  } finally {
    closeSync(written.fd);
  }
  const display = relative(cwd, join(root, rel)) || rel;
  const after = read().diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(after)) {
    rmSync(join(root, rel));
    for (const folder of written.created.reverse()) rmdirSync(folder);
    throw refuse(`${after.map((d) => formatDiagnostic(d)).join('\n')}\nThe new file did not validate, so it was not kept.`);
  }
  output.out(display);
  return 0;
}

function person(ws: Workspace, id: string | undefined, option: string): string {
  if (id === undefined) throw refuse(`--${option} is missing: give the id of a person in team.yaml.\n${NEW_USAGE}`);
  if (ws.personById.has(id)) return id;
  const near = closest(id, ws.personById.keys());
  throw refuse(`--${option} ${excerpt(id)} is not a person in team.yaml.${near ? ` Did you mean "${near}"?` : ' Use the id of someone listed there.'}`);
}

/** The `$schema` path from the new file to the running package's JSON Schema: it resolves in this repository and in an installed one. */
function schemaFrom(root: string, rel: string, name: string): string {
  return relative(dirname(join(root, rel)), join(packageRoot(), 'schemas', 'json', `${name}.schema.json`)).split(sep).join('/');
}

function planFile(ws: Workspace, id: string | undefined, values: Record<string, string | boolean | undefined>, today: string, how: Invocation, root: string) {
  if (id === undefined) throw refuse(`Give the new plan's id: ${how.command('new', 'plan <id> ...')}\n${NEW_USAGE}`);
  if (!IdSchema.safeParse(id).success) throw refuse(`The plan id ${excerpt(id)} is not an id: write lower-case letters, digits and hyphens, such as "acme-corp"; it becomes the file name accounts/<id>.yaml.`);
  if (ws.accountById.has(id)) throw refuse(`accounts/${id} already has a plan (${ws.accountById.get(id)!.file}); it is left unchanged. Choose another id or edit that plan.`);
  const name = typeof values['name'] === 'string' ? values['name'].trim() : '';
  if (name === '') throw refuse(`--name is missing: give the account's name, such as --name "Acme Corporation".`);
  // A line break or an escape in a name is a paste accident; on a page or in a terminal it would do harm or confuse.
  if (/\p{Cc}/u.test(name)) throw refuse(`--name ${excerpt(name)} holds a control character (a line break, tab or escape). Write the name on one line, as it should read.`);
  const owner = person(ws, values['owner'] as string | undefined, 'owner');
  const raw = values['forecast'] as string | undefined;
  const forecast = raw === undefined ? undefined : Number(raw);
  if (raw !== undefined && (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(forecast))) {
    throw refuse(`--forecast ${excerpt(raw)} is not an amount: write a plain number, such as --forecast 250000.`);
  }
  const rel = `accounts/${id}.yaml`;
  return { rel, text: planTemplate(ws, { id, name, owner, target: values['target'] === true, strategic: values['strategic'] === true, today, how, schema: schemaFrom(root, rel, 'account'), ...(forecast !== undefined && { forecast }) }) };
}

function reviewFile(ws: Workspace, values: Record<string, string | boolean | undefined>, today: string, how: Invocation, root: string) {
  const who = person(ws, values['person'] as string | undefined, 'person');
  const month = values['month'] as string | undefined;
  if (month === undefined || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw refuse(`--month ${month === undefined ? 'is missing' : `${excerpt(month)} is not a month`}: write YYYY-MM, such as ${today.slice(0, 7)}.`);
  }
  if (month > today.slice(0, 7)) throw refuse(`--month ${month} is after this month (${today.slice(0, 7)}): a review records a meeting that was held.`);
  const rel = `reviews/${month}/${who}.yaml`;
  return { rel, text: reviewTemplate(ws, { person: who, month, today, how, schema: schemaFrom(root, rel, 'review') }) };
}

/**
 * Creates the file and no other: the folders on the way must be real folders inside the plans folder (no link
 * out), and the file must not exist, not even as a link (O_EXCL refuses a dangling one too).
 */
function writeNew(root: string, rel: string, cwd: string): { fd: number; created: string[] } {
  // A name the file system would refuse is refused before any folder is made.
  const long = pathTooLong(join(realpathSync(root), rel));
  if (long) throw refuse(`The new file in ${oneLine(relative(cwd, dirname(join(root, rel))), 200)}/ ${long.why}. Nothing was written: give it a shorter id.`);
  const realRoot = realpathSync(root);
  const created: string[] = [];
  let folder = root;
  // A folder that refuses new files (read-only, full) is a clear refusal, and the folders made on the way are removed.
  const failed = (e: unknown, what: string): ExitError => {
    for (const f of created.reverse()) rmdirSync(f);
    return refuse(`${oneLine(relative(cwd, what), 200)} could not be created (${(e as NodeJS.ErrnoException).code ?? 'error'}); nothing was written. Check that you can write to the plans folder.`);
  };
  for (const part of dirname(rel).split('/')) {
    folder = join(folder, part);
    const stat = lstatSync(folder, { throwIfNoEntry: false });
    if (stat === undefined) {
      try {
        mkdirSync(folder);
      } catch (e) {
        throw failed(e, folder);
      }
      created.push(folder);
    } else if (stat.isSymbolicLink() || !stat.isDirectory()) {
      throw refuse(`${relative(cwd, folder)} is ${stat.isSymbolicLink() ? 'a link' : 'not a folder'}; new files are written only into real folders inside the plans folder.`);
    }
  }
  const target = join(folder, rel.split('/').pop()!);
  if (!realpathSync(folder).startsWith(realRoot + sep)) throw refuse(`${relative(cwd, folder)} is outside the plans folder.`);
  if (lstatSync(target, { throwIfNoEntry: false }) !== undefined) {
    for (const f of created.reverse()) rmdirSync(f);
    throw refuse(`${relative(cwd, target)} already exists; it is left unchanged. Edit it, or remove it first to start again.`);
  }
  try {
    return { fd: openSync(target, 'wx', 0o644), created };
  } catch (e) {
    throw failed(e, target);
  }
}
