import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';

// Only the MDX narratives go through Astro: core has already parsed, validated and linked the frontmatter
// (src/lib/workspace.ts), so the schema here is permissive and the pages read plan data from core, never from here.
const plansDir = process.env['PLANS_DIR'] || 'plans';

const narratives = defineCollection({
  loader: glob({
    pattern: 'accounts/**/*.mdx',
    base: plansDir,
    // The account id is the file name without extension, as in core (src/core/workspace.ts).
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
  }),
  schema: z.looseObject({}),
});

export const collections = { narratives };
