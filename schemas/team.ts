import { z } from 'zod';
import { IdSchema } from './common.ts';
import { personRef } from './references.ts';

export const PERSON_ROLES = ['account-executive', 'sales-manager', 'executive', 'sales-engineer', 'customer-success', 'other'] as const;

export const PersonSchema = z.strictObject({
  id: IdSchema.describe('The person id that plans refer to, such as "jane-doe".'),
  name: z.string().min(1).describe('Full name as shown on the site.'),
  role: z.enum(PERSON_ROLES).describe('account-executive, sales-manager, executive, sales-engineer, customer-success or other.'),
  title: z.string().optional().describe('Job title, such as "Regional Sales Director".'),
  manager: personRef('the manager').optional().describe('The id of the person this person reports to.'),
  email: z.email().optional().describe('Work e-mail address.'),
});

export const TeamSchema = z
  .strictObject({
    people: z.array(PersonSchema).min(1).describe('Everyone who owns, supports or sponsors an account plan.'),
  })
  .describe('The sales organisation: who owns plans and who reports to whom.');

export type Person = z.infer<typeof PersonSchema>;
export type Team = z.infer<typeof TeamSchema>;
