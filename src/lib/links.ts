/**
 * Internal links, prefixed with the BASE the site is hosted under (astro.config.mjs). Every page and
 * component builds its hrefs here, so hosting under a sub-path needs no other change.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

export function href(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const link = {
  home: () => href(),
  accounts: () => href('accounts/'),
  account: (id: string) => href(`accounts/${id}/`),
  people: () => href('people/'),
  person: (id: string) => href(`people/${id}/`),
  goals: () => href('goals/'),
  /** A goal's section on the goals page, with the accounts that make it up. */
  goal: (index: number) => href(`goals/#goal-${index}`),
  /** The findings page, optionally with a filter preset (src/lib/table.ts reads it): findings/?rule=stale-plan. */
  findings: (filter?: { rule?: string; owner?: string }) => {
    const query = new URLSearchParams(Object.entries(filter ?? {}).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    return href(query ? `findings/?${query}` : 'findings/');
  },
  /** The CSV downloads, written at build time (src/routes/*.csv.ts). */
  accountsCsv: () => href('accounts.csv'),
  goalsCsv: () => href('goals.csv'),
  personCsv: (id: string) => href(`people/${id}.csv`),
  clientsCsv: () => href('portfolio/clients.csv'),
  search: () => href('search/'),
  review: (month: string, person: string) => href(`reviews/${month}/${person}/`),
  week: () => href('week/'),
  /** Every change note (src/routes/notes/). */
  notes: () => href('notes/'),
  pipeline: () => href('pipeline/'),
  /** What changed in the plans since 7 and 30 days ago. */
  changes: () => href('changes/'),
};
