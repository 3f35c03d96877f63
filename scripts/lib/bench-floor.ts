import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/**
 * The floor of the bench: a Node process that reads every plan file of the folder and parses it (an MDX file's
 * frontmatter) with js-yaml, nothing else: no import of the tool, no checks. Every command must read and parse,
 * so its time over this is our cost. Usage: node scripts/lib/bench-floor.ts DIR
 */
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('Usage: node scripts/lib/bench-floor.ts DIR\n');
  process.exit(2);
}
let parsed = 0;
for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
  const mdx = rel.endsWith('.mdx');
  if (!mdx && !rel.endsWith('.yaml') && !rel.endsWith('.yml')) continue;
  let text = readFileSync(join(dir, rel), 'utf8');
  if (mdx) {
    const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
    text = end < 0 ? '' : text.slice(text.indexOf('\n') + 1, end);
  }
  load(text);
  parsed++;
}
process.stdout.write(`${parsed}\n`);
