import { SHARED_FILE_ANY_CASE } from '../../shared/paths.ts';
import { excerpt } from '../../shared/suggest.ts';
import type { CatalogEntry } from './entry.ts';

/** Reading the plans folder. `reason` is an error code of the system (EACCES), never its message, which may carry a full path. */
export const READING = {
  'unreadable-file': {
    severity: 'error',
    meaning: 'A plans file exists but cannot be read (permissions, an I/O error).',
    message: (data: Unreadable) => unreadable(data),
  },
  'unreadable-folder': {
    severity: 'error',
    meaning: 'A folder inside the plans folder cannot be listed, so its plans are not checked.',
    message: ({ reason }: { reason: string }) => `The folder cannot be read (${reason}), so its plans are not checked. Make it readable, or remove it.`,
  },
  'not-a-file': {
    severity: 'error',
    meaning: 'Something named like a plans file is not an ordinary file (a folder, FIFO, socket or device).',
    message: (data: NotAFile) => notAFile(data),
  },
  'file-too-large': {
    severity: 'error',
    meaning: 'A file is over the size limit and is not parsed.',
    message: (data: TooLarge) => tooLarge(data),
  },
  'file-vanished': {
    severity: 'error',
    meaning: 'A file disappeared between listing the folder and reading it.',
    message: (data: InLedger = {}) => `The file disappeared while the ${data.in === 'ledger' ? 'ledger' : 'plans'} ${data.in === 'ledger' ? 'was' : 'were'} being read (was it moved or deleted meanwhile?). Run the check again.`,
  },
  'file-changed': {
    severity: 'error',
    meaning: 'A file was replaced by a symbolic link while the folder was being read.',
    message: (data: InLedger = {}) =>
      `This file was replaced by a symbolic link while the ${data.in === 'ledger' ? 'ledger was' : 'plans were'} being read. Replace the link with the file itself, then run the check again.`,
  },
  'link-loop': {
    severity: 'error',
    meaning: 'A symbolic link points, through other links, back to itself.',
    message: () => 'This symbolic link points, through other links, back to itself, so it has no content. Replace it with the file itself.',
  },
  'link-dangling': {
    severity: 'error',
    meaning: 'A symbolic link points to nothing.',
    message: (data: InLedger = {}) => `This symbolic link points to a file that does not exist. Replace it with the ${data.in === 'ledger' ? 'ledger file' : 'file'} itself, or remove it.`,
  },
  'link-outside': {
    severity: 'error',
    meaning: 'A symbolic link points outside the plans folder.',
    message: (data: InLedger = {}) =>
      data.in === 'ledger'
        ? 'This symbolic link points outside the plans folder, and the ledger is read only from inside it. Copy the file into sales/ instead of linking to it.'
        : 'This symbolic link points outside the plans folder, and plans are read only from inside it. Copy the file into the plans folder instead of linking to it.',
  },
  'link-hidden': {
    severity: 'error',
    meaning: 'A symbolic link points to a hidden file or folder, or into node_modules.',
    message: () =>
      'This symbolic link points to a hidden file or folder (a name starting with ".", or node_modules), which plans are never read from. Copy the plan to a visible file instead of linking to it.',
  },
  'link-to-folder': {
    severity: 'error',
    meaning: 'A symbolic link points to a folder; links to folders are not followed.',
    message: () =>
      'This symbolic link points to a folder, and links to folders are not followed (their plans would be read twice). Remove the link; the folder is read where it is.',
  },
  'file-name-case': {
    severity: 'error',
    meaning: 'A plans file or folder name has capitals (Accounts/, .YAML), so it is not read.',
    message: ({ renamed, in: where }: { renamed: string } & InLedger) =>
      where === 'ledger'
        ? `This file is not read: ledger files end in lower-case .csv. Rename it to ${renamed}.`
        : `This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to ${renamed}.`,
  },
  'invisible-name': {
    severity: 'error',
    meaning: 'A plans file or folder name holds what nobody sees (a control character, an invisible or non-ASCII space, a space at an end), so it is not read.',
    /** `hidden` says what the name holds ("holds a control character"); `meant` is the name without it. */
    message: ({ name, hidden, folder, meant }: { name: string; hidden: string; folder: boolean; meant: string }) => {
      const what = folder ? 'folder' : 'file';
      const rename = meant === '' ? `Rename the ${what}.` : `Rename the ${what} to ${excerpt(meant)}.`;
      return `The ${what} name ${excerpt(name)} ${hidden}, which nobody sees in a listing, so ${folder ? 'its plans are' : 'it is'} not read. ${rename}`;
    },
  },
  'unknown-file': {
    severity: 'warning',
    meaning: 'A file in the plans folder is not one the tools read.',
    message: ({ rel }: { rel: string }) => `This file is not read as part of the plans.${unknownFileHint(rel)}`,
  },
  'duplicate-file': {
    severity: 'error',
    meaning: 'Two files hold the same shared file (workspace.yml and workspace.yaml).',
    message: ({ slot, first, second }: { slot: string; first: string; second: string }) => `There are two ${slot} files. Keep one of ${first} and ${second}.`,
  },
  'missing-file': {
    severity: 'error',
    meaning: 'workspace.yaml or team.yaml is missing.',
    message: ({ slot }: { slot: 'workspace' | 'team' | undefined }) =>
      slot === undefined
        ? 'The shared files could not be read.'
        : `${slot}.yaml is missing. Every plans folder has one; see schemas/json/${slot}.schema.json for its fields.`,
  },
  'missing-goals': {
    severity: 'warning',
    meaning: 'goals.yaml is missing, so check has no goals.',
    message: () => 'goals.yaml is missing, so check has no goals to compare the plans with. Add it with at least the company goal for the year.',
  },
} as const satisfies Record<string, CatalogEntry>;

/** The same situation in the sales ledger (sales/*.csv), which some codes word for the ledger. */
export type InLedger = { in?: 'ledger' };

/** A file that cannot be read: when opening it, when listing its folder, or for no reason known. */
export type Unreadable = { when: 'opening' | 'listing'; reason: string } | { when: 'unknown' };

function unreadable(data: Unreadable): string {
  if (data.when === 'unknown') return 'The file cannot be read.';
  if (data.when === 'opening') return `The file cannot be read (${data.reason}). Make it readable by the user who runs the check, then run it again.`;
  return `The file cannot be read (${data.reason}). Make it readable, then run the check again.`;
}

/**
 * Something named like a plans file that is not an ordinary file: a folder with a plan's name, a special file, a link
 * in a commit (the base of `check --base`: `ref` is how the ref is shown), or a link in a plan's history.
 */
export type NotAFile =
  | { is: 'folder-named-like-a-file' }
  | { is: 'special'; what: 'a named pipe (FIFO)' | 'a socket' | 'a device' | 'a folder' | 'not a regular file' }
  | { is: 'link-at-ref'; ref: string }
  | { is: 'ledger-entry-at-ref'; ref: string }
  | { is: 'link-in-history' }
  | { is: 'ledger-entry' };

function notAFile(data: NotAFile): string {
  switch (data.is) {
    case 'folder-named-like-a-file':
      return 'This is a folder, but its name says it is a plans file. Rename the folder, or put the plan in a file of that name.';
    case 'special':
      return `This is ${data.what}, not a file, so it is not read. Plans files are ordinary text files: replace it with one, or remove it.`;
    case 'link-at-ref':
      return `At ${data.ref} this is a symbolic link, and links are never followed; the comparison leaves it out.`;
    case 'ledger-entry-at-ref':
      return `At ${data.ref} this is not an ordinary file, so it is not read as part of the ledger.`;
    case 'link-in-history':
      return 'This version is a symbolic link, and links are never followed.';
    case 'ledger-entry':
      return 'This is not an ordinary file, so it is not read. The ledger is made of .csv files: replace it with one, or remove it.';
  }
}

/** A file over its size limit (`rel` is its path inside the plans folder), or, at a base, a ledger file or the whole ledger. */
export type TooLarge =
  | { of: 'plans-file'; rel: string; size: number; cap: number }
  | { of: 'ledger-file-at-ref'; ref: string; size: number; limit: number }
  | { of: 'ledger-at-ref'; ref: string; total: number; limit: number }
  | { of: 'ledger-file'; size: number; limit: number };

function tooLarge(data: TooLarge): string {
  switch (data.of) {
    case 'plans-file': {
      const fix = SHARED_FILE_ANY_CASE.test(data.rel)
        ? `${data.rel} may be at most ${formatBytes(data.cap)} whatever workspace.yaml says. Split it or remove what it does not need.`
        : `Plans files may be at most ${formatBytes(data.cap)}, so it was not parsed. Shorten it, or raise "max_file_bytes" in workspace.yaml if plans this large are intended.`;
      return `The file is ${formatBytes(data.size)}. ${fix}`;
    }
    case 'ledger-file-at-ref':
      return `At ${data.ref} this ledger file is ${data.size} bytes, over the ${data.limit} bytes sales.max_file_bytes allows, so it was not read.`;
    case 'ledger-file': {
      const mb = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB (${n} bytes)`;
      return `The file is ${mb(data.size)}, and a ledger file may be at most ${mb(data.limit)}, so it was not read. Split the export into several files in sales/, or raise sales.max_file_bytes in workspace.yaml.`;
    }
    case 'ledger-at-ref':
      return `At ${data.ref} the ledger's files come to ${data.total} bytes, more than the ${data.limit} bytes a base can be read with, so the plans there cannot be read whole.`;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB (${n} bytes)`;
  return `${n} bytes`;
}

function unknownFileHint(rel: string): string {
  if (!rel.startsWith('accounts/')) return ' Plans folders hold workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml, accounts/<id>.yaml|.mdx, reviews/<YYYY-MM>/<person>.yaml and changes/<name>.yaml.';
  return /\.(md|json)$/i.test(rel) ? ' Account plans are .yaml or .mdx files: rename it.' : '';
}
