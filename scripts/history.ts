import { main } from './lib/cli.ts';
import { historyCommand } from './commands/history.ts';

await main(historyCommand);
