import * as nodeModule from 'node:module';

// As scripts/check.ts does: the stripped and compiled modules are kept (in the OS temp folder) for the next run, here
// and in the build's own process, which inherits the cache (commands/build.ts).
nodeModule.enableCompileCache?.();
const { main } = await import('./lib/cli.ts');
const { buildCommand } = await import('./commands/build.ts');

await main(buildCommand);
