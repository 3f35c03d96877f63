import { main } from './lib/cli.ts';
import { checkCommand } from './commands/check.ts';

await main(checkCommand);
