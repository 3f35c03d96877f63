import type { CatalogEntry } from './entry.ts';

/** Reading the plans folder. */
export const READING = {
  'unreadable-file': { severity: 'error', meaning: 'A plans file exists but cannot be read (permissions, an I/O error).' },
  'unreadable-folder': { severity: 'error', meaning: 'A folder inside the plans folder cannot be listed, so its plans are not checked.' },
  'not-a-file': { severity: 'error', meaning: 'Something named like a plans file is not an ordinary file (a folder, FIFO, socket or device).' },
  'file-too-large': { severity: 'error', meaning: 'A file is over the size limit and is not parsed.' },
  'file-vanished': { severity: 'error', meaning: 'A file disappeared between listing the folder and reading it.' },
  'file-changed': { severity: 'error', meaning: 'A file was replaced by a symbolic link while the folder was being read.' },
  'link-loop': { severity: 'error', meaning: 'A symbolic link points, through other links, back to itself.' },
  'link-dangling': { severity: 'error', meaning: 'A symbolic link points to nothing.' },
  'link-outside': { severity: 'error', meaning: 'A symbolic link points outside the plans folder.' },
  'link-hidden': { severity: 'error', meaning: 'A symbolic link points to a hidden file or folder, or into node_modules.' },
  'link-to-folder': { severity: 'error', meaning: 'A symbolic link points to a folder; links to folders are not followed.' },
  'file-name-case': { severity: 'error', meaning: 'A plans file or folder name has capitals (Accounts/, .YAML), so it is not read.' },
  'unknown-file': { severity: 'warning', meaning: 'A file in the plans folder is not one the tools read.' },
  'duplicate-file': { severity: 'error', meaning: 'Two files hold the same shared file (workspace.yml and workspace.yaml).' },
  'missing-file': { severity: 'error', meaning: 'workspace.yaml or team.yaml is missing.' },
  'missing-goals': { severity: 'warning', meaning: 'goals.yaml is missing, so check has no goals.' },
} as const satisfies Record<string, CatalogEntry>;
