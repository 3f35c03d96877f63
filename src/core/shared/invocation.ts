/** The commands a hint may name. */
export type CommandName = 'validate' | 'check' | 'build' | 'new' | 'history' | 'schemas';

/**
 * How the user runs the tool, so that a hint names the command as they would type it: `npm run check -- --json`
 * in a repository whose package.json has the scripts, `npx account-plans check --json` elsewhere. Core writes no
 * command line of its own; the command line (or the API's caller) passes one of these.
 */
export interface Invocation {
  command(name: CommandName, args?: string): string;
}

/** Through the repository's npm scripts, as this repository and one made by `init` have them. */
export const NPM_SCRIPTS: Invocation = {
  command: (name, args) => `npm run ${name}${args ? ` -- ${args}` : ''}`,
};

/** Through the package's own command, for a folder without the scripts. */
export const NPX: Invocation = {
  command: (name, args) => `npx account-plans ${name}${args ? ` ${args}` : ''}`,
};
