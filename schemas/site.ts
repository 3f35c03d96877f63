import { z } from 'zod';

/** A colour the site may put into its stylesheet: only #rgb or #rrggbb, so nothing else can reach the CSS. */
export const HexColourSchema = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: 'a colour is written #rrggbb, such as "#0f766e" (in quotes: YAML reads # as a comment)' })
  .describe('A colour written #rrggbb, such as "#0f766e", in quotes.');

/** The site's look, set once for the whole organisation. */
export const SiteSettingsSchema = z
  .strictObject({
    logo: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('The company logo, a PNG, JPEG, GIF, WebP or AVIF file inside the plans folder, relative to workspace.yaml, such as logo.png. SVG is refused: it can hold script. Shown at the top of every page, at most 40 pixels high.'),
    accent: HexColourSchema.optional().describe('The accent colour of the site (links, the band above the header) in the light theme, such as "#0f766e".'),
    home_text: z
      .string()
      .trim()
      .min(1)
      .max(600)
      .optional()
      .describe('A short text for the top of the home page, such as what the plans are for and who to ask; plain text, at most 600 characters.'),
    show_pay: z
      .boolean()
      .optional()
      .describe('Show the payouts of comp.yaml on the site (true), or attainment only (false, the default). Pay is sensitive: set true only for a site that only the people allowed to see everyone\'s pay can open.'),
  })
  .describe('How the site looks: the logo, the accent colour, a short text for the home page, and whether it shows pay. The company name is `company`.');

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
