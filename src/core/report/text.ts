/**
 * A sentence as the report model holds it: plain text, and the identifiers in it (an account id, a file:line, a
 * ref), which Markdown sets as code so that nothing in them is read as Markdown, and the terminal prints as they are.
 * Its own file so that sentences.ts, which writes such sentences, does not import the model that uses them.
 */
export type Part = string | { code: string } | { strong: string };
export type Text = readonly Part[];
