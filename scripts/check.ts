import { enableCompileCache } from 'node:module';

// check runs on every pull request and before every push: caching the stripped and compiled
// modules (in the OS temp folder) cuts its start-up by about a third on a warm run.
enableCompileCache();
const { main } = await import('./lib/cli.ts');
const { checkCommand } = await import('./commands/check.ts');

await main(checkCommand);
