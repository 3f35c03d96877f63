#!/usr/bin/env node
/*
 * The `account-plans` command. It only dispatches: each command is imported when it is asked for, so `init`,
 * `--version` and `--help` run on a system Node 20 (`npx account-plans init` in an empty folder), while the
 * commands that read plans or build the site (Astro 7 needs Node 22.12 or later) say so clearly on an older Node.
 */
import * as nodeModule from 'node:module';
import { packageVersion } from './lib/package.ts';

type Run = (argv: string[], output: import('./lib/cli.ts').Output) => Promise<number> | number;

/** Each command: its one-line description, and how to load it. */
const COMMANDS: Record<string, { what: string; newNode: boolean; load: () => Promise<Run> }> = {
  init: { what: 'make a repository for your organisation\'s plans', newNode: false, load: async () => (await import('./commands/init.ts')).initCommand },
  validate: { what: 'check the plans against the schemas', newNode: true, load: async () => (await import('./commands/validate.ts')).validateCommand },
  check: { what: 'sum the plans against the goals: the gate of a pull request', newNode: true, load: async () => (await import('./commands/check.ts')).checkCommand },
  build: { what: 'build the site into dist/', newNode: true, load: async () => (await import('./commands/build.ts')).buildCommand },
  new: { what: 'start a plan or a review from a template', newNode: true, load: async () => (await import('./commands/new.ts')).newCommand },
  history: { what: 'every goal\'s planned total over time, from git', newNode: true, load: async () => (await import('./commands/history.ts')).historyCommand },
  gate: { what: 'the workflow\'s check: the change on a pull request or a push, every goal elsewhere', newNode: true, load: async () => (await import('./commands/gate.ts')).gateCommand },
  schemas: { what: 'say where the JSON Schemas for editors are', newNode: false, load: async () => (await import('./commands/schemas.ts')).schemasCommand },
};

const USAGE = [
  'Usage: account-plans <command> [options]   (in a repository made by init: npm run <command> -- [options])',
  '',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.what}`),
  '',
  '  --version  print the version;  <command> --help  the command\'s options',
].join('\n');

/** Astro 7 and this tool's own use of Node (type stripping, fs APIs) need this Node or later. */
const NODE_NEEDED = [22, 12] as const;

const [name, ...rest] = process.argv.slice(2);
if (name === '--version' || name === '-v') {
  console.log(packageVersion());
} else if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(USAGE);
} else if (!Object.hasOwn(COMMANDS, name)) {
  console.error(`"${name.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}" is not a command of account-plans.\n${USAGE}`);
  process.exitCode = 2;
} else {
  const command = COMMANDS[name]!;
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (command.newNode && (major < NODE_NEEDED[0] || (major === NODE_NEEDED[0] && minor < NODE_NEEDED[1]))) {
    console.error(
      `account-plans ${name} needs Node ${NODE_NEEDED.join('.')} or later; this is Node ${process.versions.node}. ` +
        'Run it through npm in the repository (npm run ' + name + '), where the "node" devDependency puts Node 24 first on the path, or install Node 24.',
    );
    process.exitCode = 2;
  } else {
    // As scripts/check.ts does: the stripped and compiled modules are kept (in the OS temp folder) for the next run,
    // which cuts a command's start-up by about a third. Node 20 has no compile cache, and needs none for init.
    nodeModule.enableCompileCache?.();
    const { main } = await import('./lib/cli.ts');
    const run = await command.load();
    await main((_argv, output) => run(rest, output));
  }
}
