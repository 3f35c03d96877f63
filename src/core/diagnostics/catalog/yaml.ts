import { clip, excerpt } from '../../shared/suggest.ts';
import type { CatalogEntry } from './entry.ts';
import { notAMapping } from './fields.ts';

/**
 * Why the YAML cannot be read, when no more specific code says: what `yaml` or js-yaml reported (`detail`, cut to
 * its first line; `reason`, js-yaml's own words), or a mistake `yaml` names.
 */
export type YamlSyntax =
  | { by: 'yaml'; detail: string }
  | { by: 'yaml-warning'; detail: string }
  | { by: 'js-yaml'; reason: string }
  | { by: 'parser-failure'; detail: string }
  | { by: 'two-keys-on-a-line' }
  | { by: 'reserved-first-character' }
  | { by: 'complex-key' };

/** A list item indented into the entry above it (load/yaml-shapes.ts). */
export type OverIndentedItem = { item: string; column: number; entryLine: number; itemsColumn: number };

function yamlSyntax(data: YamlSyntax): string {
  switch (data.by) {
    case 'yaml':
      return `The YAML cannot be read here (${data.detail}). Check the indentation, and that brackets and quotes are closed.`;
    case 'yaml-warning':
      return `The YAML cannot be read here (${data.detail}).`;
    case 'js-yaml':
      return /unknown tag/.test(data.reason) ? `The YAML uses a tag that plans files do not support (${clip(data.reason)}). Remove the "!" tag.` : jsYamlOther(data.reason);
    case 'parser-failure':
      return `The YAML cannot be read (${data.detail}). Simplify the file: it is nested or aliased far beyond what a plan needs.`;
    case 'two-keys-on-a-line':
      return 'There are two "key:" on one line. Put the second on its own line, indented, or put the value in quotes if it contains ": ".';
    case 'reserved-first-character':
      return 'A value here starts with a character YAML reserves (such as @ or `). Put the value in quotes.';
    case 'complex-key':
      return 'This key is a list or a set of fields (written after "? "), and the keys of a plans file are plain names. Write the key as a name followed by a colon, such as "name: value".';
  }
}

/** js-yaml's reason, when nothing more specific explains it. */
function jsYamlOther(reason: string): string {
  return `The YAML cannot be read here (${clip(reason)}). Check the indentation and the quotes on this line.`;
}

/** Text and YAML. */
export const YAML = {
  'not-utf8': {
    severity: 'error',
    meaning: 'The file is not UTF-8 text.',
    /** A plans file saved as UTF-16 or in another encoding, or a ledger cell (`cell`, as decoded) that is not UTF-8. */
    message: (data: { utf16: boolean } | { cell: string }) =>
      'cell' in data
        ? `This cell is not UTF-8 text (${excerpt(data.cell)}). Export the ledger as UTF-8 CSV.`
        : data.utf16
          ? 'The file is saved as UTF-16. Save it as UTF-8 (in VS Code: "Save with Encoding", then "UTF-8").'
          : 'The file is not valid UTF-8 (it may be saved as Latin-1 or Windows-1252). Save it as UTF-8; the first bad character is here.',
  },
  bom: {
    severity: 'warning',
    meaning: 'The file starts with a byte order mark, which was ignored.',
    message: () => 'The file starts with a byte order mark (BOM). It was ignored, but save the file as UTF-8 without BOM.',
  },
  'mixed-line-endings': {
    severity: 'warning',
    meaning: 'The file mixes CRLF and LF line endings.',
    message: () => 'The file mixes Windows (CRLF) and Unix (LF) line endings. It was read, but save it with LF line endings so diffs stay clean.',
  },
  'empty-file': {
    severity: 'error',
    meaning: 'The file, or an .mdx plan\'s frontmatter, is empty.',
    message: ({ of }: { of: 'file' | 'frontmatter' | 'ledger' }) =>
      of === 'frontmatter'
        ? 'The frontmatter is empty. Write the plan\'s fields between the two "---" lines.'
        : of === 'ledger'
          ? 'The ledger file is empty. Give it a header row (date, account, revenue …) and one row per sale, or remove it.'
          : 'The file is empty. Write its fields, or delete the file.',
  },
  'mdx-no-frontmatter': {
    severity: 'error',
    meaning: 'An .mdx plan does not start with a "---" frontmatter block.',
    message: () => 'An .mdx plan starts with a frontmatter block: a line "---", the plan\'s fields in YAML, and another "---" line, then the narrative.',
  },
  'mdx-unclosed-frontmatter': {
    severity: 'error',
    meaning: 'An .mdx plan\'s frontmatter block has no closing "---".',
    message: () => 'The frontmatter block is never closed. Add a line "---" after the plan\'s fields, before the narrative.',
  },
  'yaml-syntax': {
    severity: 'error',
    meaning: 'The YAML cannot be parsed here (a syntax error with no more specific code).',
    message: (data: YamlSyntax) => yamlSyntax(data),
  },
  'yaml-duplicate-key': {
    severity: 'error',
    meaning: 'A key appears twice in one mapping.',
    message: ({ key }: { key: string | undefined }) =>
      `The key ${key ? `${excerpt(key)} ` : ''}appears twice in the same mapping. Keep one of them; a second one would silently replace the first.`,
  },
  'yaml-tab': {
    severity: 'error',
    meaning: 'A tab is used for indentation.',
    message: () => 'A tab is used for indentation. YAML indents with spaces only: replace the tab with spaces.',
  },
  'yaml-multiple-documents': {
    severity: 'error',
    meaning: 'The file holds more than one YAML document.',
    message: () => 'The file holds several YAML documents (separated by "---"). A plans file holds exactly one: remove the extra "---" line.',
  },
  'yaml-unclosed': {
    severity: 'error',
    meaning: 'A quote or bracket is never closed.',
    message: ({ detail }: { detail: string }) => `A quote or bracket opened on this line is never closed (${detail}). Close it on the same line.`,
  },
  'yaml-indentation': {
    severity: 'error',
    meaning: 'The indentation does not line up with the lines above.',
    /** The parser's `detail`; or a list item (its text, its column) indented into the entry on `entryLine`, whose list's items start in `itemsColumn`. */
    message: (data: { detail: string } | OverIndentedItem) =>
      'detail' in data
        ? `The indentation here does not line up with the lines above (${data.detail}). Indent with spaces so that the fields of one mapping start in the same column.`
        : `The list item ${excerpt(data.item, 40)} starts in column ${data.column}, inside the entry on line ${data.entryLine} above it, so YAML cannot read it as the next item. Start its "- " in column ${data.itemsColumn}, under the "- " of the items before it.`,
  },
  'yaml-alias': {
    severity: 'error',
    meaning: 'An alias (*name) cannot be resolved, such as one naming no anchor.',
    message: ({ reason }: { reason: string }) =>
      /undefined alias|unidentified alias/.test(reason)
        ? 'This alias (*name) refers to an anchor (&name) that is not defined above it. Define the anchor first, or write the value out.'
        : yamlSyntax({ by: 'js-yaml', reason }),
  },
  'yaml-alias-cycle': {
    severity: 'error',
    meaning: 'An alias sits inside the anchor it names.',
    message: () =>
      'This alias (*name) is used inside the value its own anchor (&name) names, so the value would contain itself without end. Write the value out instead.',
  },
  'yaml-alias-limit': {
    severity: 'error',
    meaning: 'The aliases of a file stand for more values than the alias budget allows.',
    message: ({ budget }: { budget: number }) =>
      `With this alias, the aliases (*name) of the file stand for more than ${budget} values, which is how a "billion laughs" attack makes a small file huge. Write the values out instead of nesting aliases.`,
  },
  'yaml-too-deep': {
    severity: 'error',
    meaning: 'The YAML nests deeper than the parser allows.',
    message: () => 'The YAML is nested more than 100 levels deep here, far deeper than any plan. Flatten it.',
  },
  'not-a-mapping': { severity: 'error', meaning: 'The file\'s top level is not a mapping of fields.', message: notAMapping },
} as const satisfies Record<string, CatalogEntry>;
