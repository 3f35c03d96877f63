import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Output } from '../lib/cli.ts';
import { packageRoot } from '../lib/package.ts';

export const SCHEMAS_USAGE = 'Usage: npx account-plans schemas   (says where the JSON Schemas for editors are)';

/**
 * Where the installed package's JSON Schemas are, and the line that gives a plans file autocomplete in an editor.
 * (In the tool's own repository, npm run schemas writes them from the Zod schemas: scripts/schemas.ts.)
 */
export function schemasCommand(argv: string[], output: Output, cwd = process.cwd()): number {
  if (argv.includes('--help') || argv.includes('-h')) return (output.out(SCHEMAS_USAGE), 0);
  const dir = join(packageRoot(), 'schemas', 'json');
  const shown = (path: string) => relative(cwd, path).split('\\').join('/') || '.';
  output.out(`The JSON Schemas are in ${shown(dir)}:`);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) output.out(`  ${shown(join(dir, name))}`);
  output.out('');
  output.out('A plans file names its schema in its first line, relative to the file, for example in plans/accounts/<id>.yaml:');
  output.out(`  # yaml-language-server: $schema=${relative(join(cwd, 'plans', 'accounts'), join(dir, 'account.schema.json')).split('\\').join('/')}`);
  output.out('npm run new -- plan … writes that line for you. VS Code reads it with the YAML extension (redhat.vscode-yaml).');
  return 0;
}
