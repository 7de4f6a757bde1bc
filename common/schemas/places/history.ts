// A place's page: its inspections, notices and the issues they raised.
import { z } from 'zod';
import { zTimestamp } from '../common';
import { zIssueStatus } from '../issues';
import { zInspectionSummary } from './inspections';
import { zNoticeSummary } from './notices';

export const zPlaceHistory = z.object({
  inspections: z.array(zInspectionSummary).describe('newest first, at most 100'),
  notices: z.array(zNoticeSummary).describe('newest first, at most 100'),
  issues: z
    .array(
      z.object({
        id: z.string(),
        inspectionId: z.string(),
        status: zIssueStatus,
        stepDeadline: zTimestamp.nullable(),
        overdue: z.boolean(),
      }),
    )
    .describe(
      'the issues its inspections raised, as they stand; GET /api/issues?placeId= lists all of the place’s issues',
    ),
});
export type PlaceHistory = z.infer<typeof zPlaceHistory>;
