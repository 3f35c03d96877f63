import { resolve } from 'node:path';
import { readPlansFolder, type PlansFile } from '../../src/core/load/files.ts';
import { checkNarrativeImages } from '../../src/core/load/narrative/images.ts';
import { checkSiteLogo } from '../../src/core/load/site-logo.ts';
import { LONG_LINE, NEWLINE, RunCache, type Stream } from '../../src/core/load/run-cache.ts';
import { ledgerInputs } from '../../src/core/load/sales/files.ts';
import { howOf, type Output } from './cli.ts';

export interface CachedRun {
  command: string;
  /** Every option the output depends on, resolved (today's date, not its absence). */
  options: readonly unknown[];
  plansDir: string;
  cwd: string;
  /** False for runs whose result is not only their output (a --comment file, a step summary) or not only the working copy (--base). */
  cacheable: boolean;
  /** Whether the folder is read through the stat index (load/stat-index.ts): the caches are not turned off (--no-cache). */
  index: boolean;
  env?: NodeJS.ProcessEnv;
  toolRoot?: string;
}

/**
 * Runs a command over the plans folder, or prints what the same command printed last time when none of its inputs
 * changed (load/run-cache.ts). The plans files are read here, once, and the command is given them, so the run is
 * keyed on exactly what it checks; the ledger and narrative images are read again after the run, and a run during
 * which they changed leaves no record.
 */
export async function cachedRun(spec: CachedRun, output: Output, run: (files: readonly PlansFile[], output: Output) => Promise<number> | number): Promise<number> {
  const files = readPlansFolder(spec.plansDir, spec.cwd, { index: spec.index, env: spec.env ?? process.env });
  if (!spec.cacheable) return run(files, output);
  const root = resolve(spec.cwd, spec.plansDir);
  const extra = () => [ledgerInputs(spec.plansDir, spec.cwd), JSON.stringify([...checkNarrativeImages(files, root), ...checkSiteLogo(files, root)])];
  const before = extra();
  // Colour and the workflow-command channel change the printed lines, so they are options too.
  const options = [...spec.options, output.paint.red('x'), output.command !== undefined, howOf(output).command('check', '--json')];
  const cache = RunCache.open(root, spec.cwd, { command: spec.command, options, files, extra: before }, spec.env, spec.toolRoot);
  if (!cache) return run(files, output);
  const command = output.command ?? output.out;
  const lines = output.writeLines;
  // A workflow command goes through `out` when the output has no channel for them: it is then defused like any line.
  const channel = (stream: Stream): Stream => (stream === 'command' && !output.command ? 'out' : stream);
  const replayed = lines
    ? cache.replayChunks((stream, bytes) => lines(channel(stream), bytes))
    : cache.replay((stream, line) => (stream === 'out' ? output.out : stream === 'err' ? output.err : command)(line));
  if (replayed !== undefined) return replayed;

  const recorder = cache.record();
  if (!recorder) return run(files, output);
  // Where the output takes bytes, a long line (the JSON report comes in pieces of megabytes) is encoded once, for the
  // record and the output alike.
  const tee = (stream: Stream, line: string, print: (line: string) => void) => {
    if (!lines || line.length < LONG_LINE) {
      recorder.add(stream, line);
      print(line);
      return;
    }
    const bytes = Buffer.from(line, 'utf8');
    recorder.add(stream, bytes);
    lines(channel(stream), bytes);
    lines(channel(stream), NEWLINE);
  };
  const recording: Output = {
    paint: output.paint,
    ...(output.how && { how: output.how }),
    out: (line) => tee('out', line, output.out),
    err: (line) => tee('err', line, output.err),
    ...(output.command && { command: (line: string) => tee('command', line, command) }),
  };
  let exit: number;
  try {
    exit = await run(files, recording);
  } catch (e) {
    recorder.abandon();
    throw e;
  }
  const after = extra();
  if (after.every((e, i) => e === before[i])) recorder.finish(exit);
  else recorder.abandon();
  return exit;
}
