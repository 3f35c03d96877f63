/**
 * Bad input from whoever runs the tool (an option, a folder, a git ref): the message says what to do, and the
 * command line turns it into exit code 2. Anything else that escapes the engine is a bug in the tool.
 */
export class InputError extends Error {}
