import { isRealDate } from '../../../schemas/dates.ts';
import { InputError } from './input-error.ts';
import { todayIso } from './periods.ts';
import { oneLine } from './text.ts';

/**
 * The date a run counts as today, for every entry point alike: the --today option, else the TODAY variable, else
 * the clock. A value that is not a real date written YYYY-MM-DD is bad input, named by where it came from.
 */
export function resolveToday(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return parseDate('--today', option);
  const fromEnv = env['TODAY'];
  if (fromEnv !== undefined && fromEnv !== '') return parseDate('TODAY', fromEnv);
  return todayIso();
}

/** A date given by the user: `name` is how they gave it (--today, TODAY, --since), for the message. */
export function parseDate(name: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) {
    throw new InputError(`${name} must be a real date written YYYY-MM-DD, such as 2026-10-15, not "${oneLine(value, 100)}".`);
  }
  return value;
}
