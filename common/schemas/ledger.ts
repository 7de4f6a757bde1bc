import { z } from 'zod';
import { ledgerProblemCodes } from '../ledger';
import { zId } from './common';

export const zLedgerProblem = z.object({
  row: z.number().int().describe('the row number as Excel shows it'),
  column: z.string().nullable().describe('the header of the column, or null for the whole row'),
  code: z.enum(ledgerProblemCodes),
  reason: z.string().describe('in the caller’s language'),
});
export type LedgerProblem = z.infer<typeof zLedgerProblem>;

/** What a preview found, or what a commit did: the same counts either way. */
export const zLedgerImportReport = z.object({
  importId: zId,
  committed: z.boolean(),
  totalRows: z.number().int().describe('rows with anything in them, below the header'),
  validRows: z.number().int().describe('rows imported (commit) or that would be (preview)'),
  households: z.number().int().describe('households created, or that would be'),
  problemRows: z.number().int(),
  problems: z.array(zLedgerProblem),
});
export type LedgerImportReport = z.infer<typeof zLedgerImportReport>;

export const zLedgerImportQuery = z.object({
  importId: zId
    .optional()
    .describe('the preview’s importId, so the history names the preview the user saw'),
});
