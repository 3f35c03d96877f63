// @ts-check
import { defineConfig } from 'astro/config';
import { accountPlans } from './src/astro/integration.ts';

// This repository builds its own site the way a user's repository does: through the package's Astro integration,
// which injects every page (src/routes), the content security policy and Mermaid's module. A user's repository made
// by `account-plans init` has no config at all (account-plans build supplies this one); one with an Astro site of its
// own adds accountPlans() to its integrations.
// SITE (https://plans.example.com) and BASE (/sales/plans) host the site under a sub-path;
// every internal link goes through import.meta.env.BASE_URL (src/lib/links.ts), so both only need setting here.
const site = process.env.SITE || undefined;
const base = process.env.BASE || '/';

export default defineConfig({
  ...(site && { site }),
  base,
  trailingSlash: 'ignore',
  // No integration compiles plan files: narratives are rendered to sanitised HTML in core
  // (src/core/load/narrative/render.ts, src/lib/narratives.ts), so nothing in a plans folder runs here.
  integrations: [accountPlans({ plans: './plans' })],
  devToolbar: { enabled: false },
});
