import type { APIRoute } from 'astro';
import { bookTable, csvOf } from '../../core/views/downloads.ts';
import { loadSiteData } from '../../lib/site-data.ts';
import { csvResponse } from '../../lib/csv-response.ts';

export function getStaticPaths() {
  return loadSiteData().ws.people.map((p) => ({ params: { id: p.id } }));
}

/** /people/<id>.csv: one person's book of accounts, written once at build time. */
export const GET: APIRoute = ({ params }) => csvResponse(csvOf(bookTable(loadSiteData(), params['id'] ?? '')));
