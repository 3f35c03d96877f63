import { z } from 'zod';
import { IdSchema, plainNumber } from './common.ts';

export const IcpCriterionSchema = z.strictObject({
  id: IdSchema.describe('The criterion id that account plans score under `icp`.'),
  name: z.string().min(1).describe('The criterion as people say it, such as "Confirmed budget".'),
  weight: plainNumber().gt(0).max(1000).describe('How much this criterion counts relative to the others, such as 3 (more than 0, at most 1000).'),
  description: z.string().optional().describe('What a high score means.'),
});

export const IcpSchema = z
  .strictObject({
    scale: plainNumber().int().min(1).max(100).default(5).describe('The highest score a criterion can get (scores run from 0 to this).'),
    criteria: z.array(IcpCriterionSchema).min(1).describe('The weighted criteria of the ideal customer profile.'),
  })
  .describe('The ideal customer profile: weighted criteria that rank accounts.');

export type Icp = z.infer<typeof IcpSchema>;
export type IcpCriterion = z.infer<typeof IcpCriterionSchema>;
