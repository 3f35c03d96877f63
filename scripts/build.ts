import { main } from './lib/cli.ts';
import { buildCommand } from './commands/build.ts';

await main(buildCommand);
