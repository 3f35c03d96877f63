import type { ReviewEntry } from '../model.ts';
import { reviewsByPerson, trendOf, type ReviewTrend } from '../reviews/history.ts';
import { reviewView, type ReviewView } from './person.ts';
import type { SiteData } from './site.ts';

export interface ReviewPageView {
  month: string;
  person: { id: string; name: string };
  review: ReviewView;
  trend: ReviewTrend;
  previous: string | undefined;
  next: string | undefined;
}

/** Every review's path parameters, for the static pages. */
export function reviewPaths(data: SiteData): { month: string; person: string }[] {
  return data.ws.reviews.map((r) => ({ month: r.month, person: r.person }));
}

/** One review on its own page, with the months before and after it for the same person. */
export function reviewPageView(data: SiteData, month: string, person: string): ReviewPageView {
  const list = reviewsByPerson(data.ws.reviews).get(person) ?? [];
  const index = list.findIndex((r) => r.month === month);
  const entry: ReviewEntry | undefined = list[index];
  if (!entry) throw new Error(`no review ${month}/${person}`);
  return {
    month,
    person: { id: person, name: data.ws.personById.get(person)?.name ?? person },
    review: reviewView(data, entry),
    trend: trendOf(entry, data.ws),
    previous: list[index - 1]?.month,
    next: list[index + 1]?.month,
  };
}

/** A person's reviews in order with the trend of their actions: opened, done, slipped, dropped. */
export function reviewTrend(data: SiteData, person: string): ({ month: string } & ReviewTrend)[] {
  return (reviewsByPerson(data.ws.reviews).get(person) ?? []).map((r) => ({ month: r.month, ...trendOf(r, data.ws) }));
}
