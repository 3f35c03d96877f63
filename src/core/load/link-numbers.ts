import jsYaml from 'js-yaml';
import type { Node } from 'yaml';
import { yaml } from './lazy.ts';
import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import { at } from './link-at.ts';
import type { z } from 'zod';
import { MAX_AMOUNT } from '../../../schemas/common.ts';
import { AccountPlanSchema, GoalsSchema } from '../../../schemas/index.ts';
import type { Located, Workspace } from '../model.ts';
import { fieldSchemaAt } from './validate.ts';

/** Hexadecimal, octal, binary, or a decimal with a leading zero, as a whole plain scalar. */
const NOT_PLAIN = /^[-+]?(?:0x[0-9a-f]+|0o[0-7]+|0b[01]+|0\d+(?:\.\d*)?(?:e[-+]?\d+)?)$/i;

/**
 * YAML reads 0x64, 0o144 and 0b1100100 as 100, and 0100 as 100 where YAML 1.1 tools (and people) read 64.
 * The schemas see only the number, so the text is checked here: each such number is an error that says the
 * plain decimal to write. Files without a candidate cost one regular-expression scan.
 */
export function numbersWrittenPlainly(ws: Workspace): Diagnostic[] {
  const files: Located[] = [ws.sources.workspace, ws.sources.team, ...(ws.sources.goals ? [ws.sources.goals] : []), ...(ws.sources.icp ? [ws.sources.icp] : []), ...(ws.sources.comp ? [ws.sources.comp] : []), ...ws.accounts, ...ws.reviews];
  return [
    ...files.flatMap((where) => (where.source.numbers().notPlain ? findNumbers(where) : [])),
    ...ws.accounts.flatMap((a) => (a.source.numbers().threeDecimals ? findThousands(a, AccountPlanSchema, a.plan.currency ?? ws.settings.currency) : [])),
    ...(ws.sources.goals?.source.numbers().threeDecimals ? findThousands(ws.sources.goals, GoalsSchema, ws.settings.currency) : []),
  ];
}

/** Currencies whose minor unit has three decimals, where 250.000 is a plain amount. */
const THREE_DECIMAL_CURRENCIES = new Set(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']);

/**
 * YAML reads 250.000 as 250, where a European writing two hundred and fifty thousand meant 250000. In a money field
 * (an amount from 0 to the money bound) that is a warning saying both readings, unless the amount's currency has
 * three decimals.
 */
function findThousands(where: Located, root: z.ZodType, currency: string): Diagnostic[] {
  if (THREE_DECIMAL_CURRENCIES.has(currency)) return [];
  return plainScalars(where, (raw, pathHere) => {
    if (!/^\d+\.\d{3}$/.test(raw)) return undefined;
    const path = pathHere();
    const schema = fieldSchemaAt(root, path) as { minValue?: number | null; maxValue?: number | null } | undefined;
    if (schema?.minValue !== 0 || schema.maxValue !== MAX_AMOUNT) return undefined;
    return at(where, path, 'money-three-decimals', { field: formatPath(path), written: raw });
  });
}

function findNumbers(where: Located): Diagnostic[] {
  return plainScalars(where, (raw, pathHere) => {
    if (!NOT_PLAIN.test(raw)) return undefined;
    const value = jsYaml.load(raw, { schema: jsYaml.CORE_SCHEMA });
    if (typeof value !== 'number') return undefined;
    const path = pathHere();
    return at(where, path, 'number-format', { field: formatPath(path), written: raw, value });
  });
}

/** Every plain scalar value of a file (never a key), as written, and what `judge` says of it; its path is worked out only when asked for. */
function plainScalars(where: Located, judge: (raw: string, path: () => PathSegment[]) => Diagnostic | undefined): Diagnostic[] {
  const text = where.source.text;
  const out: Diagnostic[] = [];
  const { parseDocument, visit } = yaml();
  visit(parseDocument(text, { uniqueKeys: false }), {
    Scalar(key, node, ancestors) {
      if (key === 'key' || node.type !== 'PLAIN' || !node.range) return;
      const found = judge(text.slice(node.range[0], node.range[1]).trim(), () => pathOf(ancestors, node));
      if (found) out.push(found);
    },
  });
  return out;
}

/** The data path of a node, from the chain of maps, pairs and lists above it. */
function pathOf(ancestors: readonly unknown[], node: Node): PathSegment[] {
  const { isPair, isScalar, isSeq } = yaml();
  const path: PathSegment[] = [];
  const chain = [...ancestors, node];
  chain.forEach((item, i) => {
    const child = chain[i + 1];
    if (isPair(item)) path.push(isScalar(item.key) ? String(item.key.value) : String(item.key));
    else if (isSeq(item) && child !== undefined) path.push(item.items.indexOf(child as never));
  });
  return path;
}
