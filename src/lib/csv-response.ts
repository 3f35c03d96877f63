/** A CSV download as a static endpoint returns it: Astro writes the body to the file at build time. */
export function csvResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
