import type { APIRoute } from 'astro';
import { clientsTable, csvOf } from '../../core/views/downloads.ts';
import { csvResponse } from '../../lib/csv-response.ts';
import { loadSiteData } from '../../lib/site-data.ts';

/** A route with parameters, so that a site without a sales ledger gets no clients file at all. */
export function getStaticPaths() {
  return clientsTable(loadSiteData()) ? [{ params: { table: 'clients' } }] : [];
}

/** /portfolio/clients.csv: every client of the sales ledger ranked, as the portfolio page shows it, written at build time. */
export const GET: APIRoute = () => csvResponse(csvOf(clientsTable(loadSiteData())!));
