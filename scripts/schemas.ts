import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas } from '../src/core/load/json-schema.ts';
import { main } from './lib/cli.ts';

/** Writes schemas/json/*.schema.json from the Zod schemas. */
await main((_argv, output) => {
  const dir = join(import.meta.dirname, '..', 'schemas', 'json');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(renderJsonSchemas())) {
    writeFileSync(join(dir, name), text);
    output.out(`wrote schemas/json/${name}`);
  }
  return 0;
});
