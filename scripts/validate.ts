import { main } from './lib/cli.ts';
import { validateCommand } from './commands/validate.ts';

await main(validateCommand);
