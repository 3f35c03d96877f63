import { SEVERITY_WORD } from '../report/sentences.ts';
import { reviewTrend } from './review-page.ts';
import { accountName, type SiteData } from './site.ts';
import { openActions, type DueAction } from './week.ts';

export interface PersonActivityView {
  /** Open actions they own, or that sit in their plans or their reviews, overdue first, then by due date. */
  actions: DueAction[];
  /** Their findings; `account` names the plan each is about, so the list reads without the findings page. */
  findings: { message: string; rule: string; severity: string; label: string; account: { id: string; name: string } | undefined }[];
  health: { account: string; name: string; score: number; rating: string }[];
  trend: { month: string; opened: number; done: number; slipped: number; dropped: number }[];
}

/** What a manager checks on a person's page: their open actions, their findings and plan health, their review trend. */
export function personActivity(data: SiteData, id: string): PersonActivityView {
  const book = data.index.ownedBy.get(id) ?? [];
  const { actions: actionsBy, findings: findingsBy } = byPersonAndAccount(data);
  const actions = picked(actionsBy, id, book);
  const findings = picked(findingsBy, id, book).map((f) => ({
    message: f.message,
    rule: f.rule,
    severity: f.severity,
    label: SEVERITY_WORD[f.severity],
    account: f.account === undefined ? undefined : { id: f.account, name: accountName(data.ws, f.account) },
  }));
  const health = book.flatMap((a) => {
    const h = data.findings.health.get(a.id);
    return h ? [{ account: a.id, name: a.plan.name, score: h.score, rating: h.rating }] : [];
  });
  return { actions, findings, health, trend: reviewTrend(data, id) };
}

/** Items of a list by the person they name and by the account they are about, each with its place in the list. */
interface Placed<T> {
  list: readonly T[];
  byPerson: Map<string, number[]>;
  byAccount: Map<string, number[]>;
}

const indexed = new WeakMap<SiteData, { actions: Placed<DueAction>; findings: Placed<SiteData['findings']['all'][number]> }>();

/**
 * The build's open actions and findings, placed once by person and by account: a person's page takes theirs from
 * these rather than going through every action and finding of the site (2,000 accounts and 90 people: 12,000
 * findings gone through 90 times, half a second of the build).
 */
function byPersonAndAccount(data: SiteData): { actions: Placed<DueAction>; findings: Placed<SiteData['findings']['all'][number]> } {
  let found = indexed.get(data);
  if (!found) {
    found = {
      // An action counts for its owner and for the person whose review carries it.
      actions: place(openActions(data), (x) => [x.owner, x.review?.person], (x) => x.account?.id),
      findings: place(data.findings.all, (f) => [f.person], (f) => f.account),
    };
    indexed.set(data, found);
  }
  return found;
}

function place<T>(list: readonly T[], people: (item: T) => (string | undefined)[], account: (item: T) => string | undefined): Placed<T> {
  const byPerson = new Map<string, number[]>();
  const byAccount = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string | undefined, i: number) => {
    if (key === undefined) return;
    const at = map.get(key);
    if (at) at.push(i);
    else map.set(key, [i]);
  };
  list.forEach((item, i) => {
    for (const person of new Set(people(item))) add(byPerson, person, i);
    add(byAccount, account(item), i);
  });
  return { list, byPerson, byAccount };
}

/** The items naming the person or about an account of their book, each once, in the list's order. */
function picked<T>(placed: Placed<T>, person: string, book: readonly { id: string }[]): T[] {
  const at = new Set(placed.byPerson.get(person));
  for (const a of book) for (const i of placed.byAccount.get(a.id) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => placed.list[i]!);
}
