import { load } from 'js-yaml';
import { readPlansFolder } from '../../src/core/load/files.ts';

/**
 * The floor of the bench: read the plans folder the way core does and parse each file's YAML (an MDX file's
 * frontmatter) with js-yaml, nothing else. Every command must read and parse, so its time over this is our cost.
 * Usage: node scripts/lib/bench-floor.ts DIR
 */
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('Usage: node scripts/lib/bench-floor.ts DIR\n');
  process.exit(2);
}
const decoder = new TextDecoder();
let parsed = 0;
for (const file of readPlansFolder(dir)) {
  if (file.problem) continue;
  let text = decoder.decode(file.bytes);
  if (file.rel.toLowerCase().endsWith('.mdx')) {
    const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
    text = end < 0 ? '' : text.slice(text.indexOf('\n') + 1, end);
  }
  load(text);
  parsed++;
}
process.stdout.write(`${parsed}\n`);
