import { main } from './lib/cli.ts';
import { newCommand } from './commands/new.ts';

await main(newCommand);
