import type { APIRoute } from 'astro';

/** The site's icon: three rising bars. A route rather than a file in public/, so a user's repository needs no public/ folder. */
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><rect x="6" y="18" width="5" height="8" fill="#fff"/><rect x="13.5" y="12" width="5" height="14" fill="#fff"/><rect x="21" y="6" width="5" height="20" fill="#fff"/></svg>\n';

export const GET: APIRoute = () => new Response(ICON, { headers: { 'content-type': 'image/svg+xml' } });
