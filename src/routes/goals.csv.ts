import type { APIRoute } from 'astro';
import { csvOf, goalsTable } from '../core/views/downloads.ts';
import { loadSiteData } from '../lib/site-data.ts';
import { csvResponse } from '../lib/csv-response.ts';

/** /goals.csv: every goal against the plans, written once at build time. */
export const GET: APIRoute = () => csvResponse(csvOf(goalsTable(loadSiteData())));
