import type { APIRoute } from 'astro';
import { accountsTable, csvOf } from '../core/views/downloads.ts';
import { csvResponse } from '../lib/csv-response.ts';
import { loadSiteData } from '../lib/site-data.ts';

/** /accounts.csv: the accounts table, written once at build time. */
export const GET: APIRoute = () => csvResponse(csvOf(accountsTable(loadSiteData())));

