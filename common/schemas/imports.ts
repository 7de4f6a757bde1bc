import { z } from 'zod';
import { ledgerProblemCodes } from '../ledger';
import { zId, zTimestamp } from './common';

/**
 * A register import (台账导入) as a job with an id: the file is uploaded once and kept until the
 * import ends; its header is mapped to Linli's fields (proposed from the words offices use,
 * remembered for the next file laid out the same way); the rows are checked and then committed in
 * chunks, each its own transaction, so a stop part-way continues where it stopped. The web polls
 * the import for its progress; the user may leave the page and come back.
 *
 *   POST /api/imports?kind=residents|places   body: the file (.xlsx or .csv)  → Import (201)
 *   GET  /api/imports                          the caller's recent imports    → Import[] (newest first)
 *   GET  /api/imports/:id                                                     → Import
 *   PUT  /api/imports/:id/mapping              body: ImportMappingInput       → Import (checking starts)
 *   POST /api/imports/:id/commit               (again after a stop: continues)→ Import (committing)
 *   GET  /api/imports/:id/problems.xlsx        the problem rows, every original column kept,
 *                                              plus 原行号 and 问题
 *   DELETE /api/imports/:id                    cancel an import that is not committing; the file is removed
 */

export const importKinds = ['residents', 'places'] as const;
export const zImportKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof zImportKind>;

export const importStatuses = [
  'mapping', // header read; waiting for the user to confirm the proposed mapping
  'checking', // rows being read and checked (off the event loop)
  'checked', // report ready: counts and problems; waiting for commit
  'committing', // households being registered chunk by chunk
  'done',
  'failed', // the whole file was refused (error says why), or an unexpected fault
  'cancelled',
] as const;
export const zImportStatus = z.enum(importStatuses);
export type ImportStatus = z.infer<typeof zImportStatus>;

/** How the proposed field was found: a word of the template, a synonym offices use, a close match, or the mapping remembered for this layout. */
export const zMatchHow = z.enum(['template', 'synonym', 'close', 'remembered']);

export const zImportColumn = z.object({
  index: z.number().int().describe('0-based position of the column in the file'),
  header: z.string().describe('the header as the file writes it (title rows skipped)'),
  samples: z.array(z.string()).max(3).describe('the first values below the header'),
  field: z.string().nullable().describe('the field it goes to, or null: not imported'),
  how: zMatchHow.nullable(),
});
export type ImportColumn = z.infer<typeof zImportColumn>;

/** A field the user may map to: its key, its label in the caller's language, and whether a file must provide it. */
export const zImportField = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** Can be given once for the whole file instead of a column (社区, 网格). */
  fixable: z.boolean(),
});

export const zImportProblem = z.object({
  row: z.number().int().describe('原行号: the row number in the uploaded file'),
  column: z.string().nullable().describe('the file’s header of the column, or null for the row'),
  code: z.enum(ledgerProblemCodes).or(z.string()),
  reason: z.string().describe('in the caller’s language'),
});
export type ImportProblem = z.infer<typeof zImportProblem>;

export const zImportProgress = z.object({
  totalRows: z.number().int().nullable().describe('rows with content below the header, once known'),
  rowsChecked: z.number().int(),
  validRows: z.number().int(),
  problemRows: z.number().int(),
  households: z.number().int().describe('households (places) the file makes'),
  householdsRegistered: z.number().int().describe('of those, committed so far'),
  membersAdded: z
    .number()
    .int()
    .describe(
      'rows that joined a household registered earlier (e.g. from a corrected problem file)',
    ),
});

export const zImport = z.object({
  id: zId,
  kind: zImportKind,
  status: zImportStatus,
  fileName: z.string(),
  headerRow: z
    .number()
    .int()
    .nullable()
    .describe('the row number of the header (after title rows)'),
  columns: z.array(zImportColumn),
  fields: z.array(zImportField).describe('what a column may be mapped to'),
  /** Values given once for the whole file. */
  fixed: z.object({ communityId: zId.nullable(), gridId: zId.nullable() }),
  unknownColumns: z
    .array(z.string())
    .describe('headers that propose no field: not imported unless mapped'),
  mappingRemembered: z
    .boolean()
    .describe('this header layout was mapped before; no question asked'),
  progress: zImportProgress,
  problems: z.array(zImportProblem).describe('the first 200 problems'),
  error: z.string().nullable().describe('why the whole file was refused or failed'),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  finishedAt: zTimestamp.nullable(),
});
export type Import = z.infer<typeof zImport>;

export const zImportMappingInput = z.object({
  columns: z.array(z.object({ index: z.number().int().min(0), field: z.string().nullable() })),
  fixed: z
    .object({ communityId: zId.nullable().optional(), gridId: zId.nullable().optional() })
    .default({}),
});
export type ImportMappingInput = z.infer<typeof zImportMappingInput>;

export const zImportCreateQuery = z.object({ kind: zImportKind.default('residents') });
