/*
 * How this repository's npm scripts run a command of the tool (npm run check → node scripts/run.mjs check): from the
 * TypeScript sources, through scripts/account-plans.ts. This file is JavaScript so that Node's compile cache is on
 * before the first TypeScript file is read: Node then takes every module, the dispatcher included, already stripped
 * from the cache, and does not load its TypeScript stripper at all (about 0.1 s of every command's start). The
 * package's own command (compiled/scripts/account-plans.js) is JavaScript already and needs no such step.
 */
import * as nodeModule from 'node:module';

nodeModule.enableCompileCache?.();
await import('./account-plans.ts');
