import { z } from 'zod';
import { refuseProtoKey } from './common.ts';

/** The date formats a ledger's `date` column may be written in. */
export const SALES_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const;

/** How the sales ledger (plans/sales/*.csv) is read: which header holds which field, and how dates are written. */
export const SalesSettingsSchema = z
  .strictObject({
    columns: refuseProtoKey(
      z
        .record(z.string().min(1), z.string().min(1))
        .default({})
        .describe('The header of each field in your export, when it differs from the field name: account: "Account ID", revenue: "Amount". Fields: date, period, account, revenue, product, margin, currency, name, and each dimension.'),
      'account',
    ),
    date_format: z
      .enum(SALES_DATE_FORMATS)
      .default('YYYY-MM-DD')
      .describe('How the date column is written, such as DD/MM/YYYY (YYYY-MM-DD when left out).'),
  })
  .describe('The sales ledger (sales/*.csv): the header of each field in your export, and the date format.');

export type SalesSettings = z.infer<typeof SalesSettingsSchema>;
