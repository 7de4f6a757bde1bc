import type { ActivityFeedback } from '../../../common/schemas/activities';
import type { Db } from '../../db';
import { AppError, forbidden } from '../../lib/errors';
import { actorOf, recordAudit } from '../audit/service';
import { getPublishedVersion, recordSurveyAnswer } from '../surveys/service';
import { readableActivity, rightsAt } from './access';
import * as repo from './repo';
import type { Ctx } from './service';

/** A feedback survey named on an activity must be published, so residents can answer it. */
export async function checkFeedbackSurvey(db: Db, surveyId: string | null | undefined) {
  if (!surveyId) return;
  if (!(await getPublishedVersion(db, surveyId)))
    throw new AppError(400, 'NOT_FOUND', {}, { field: 'surveyId' });
}

/**
 * Residents' feedback (居民反馈): an answer to the activity's feedback survey, through the surveys
 * module in this transaction, marked as given at this activity; a checked-in resident answers as
 * themselves, anyone else anonymously.
 */
export async function recordFeedback(
  opts: Ctx & { id: string; input: ActivityFeedback },
): Promise<{ id: string; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const a = await readableActivity(db, caller, opts.id);
    if (!rightsAt(caller, a).checkIn) throw forbidden();
    if (a.status === 'cancelled') throw new AppError(409, 'ACTIVITY_NOT_OPEN');
    if (!a.survey_id) throw new AppError(409, 'ACTIVITY_NO_SURVEY');
    const att = input.attendanceId ? await repo.getAttendance(db, input.attendanceId) : undefined;
    if (input.attendanceId && (!att || att.activity_id !== a.id))
      throw new AppError(400, 'NOT_FOUND', {}, { field: 'attendanceId' });
    const r = await recordSurveyAnswer(db, caller, {
      id: input.id,
      surveyId: a.survey_id,
      residentId: att?.resident_id ?? null,
      answers: input.answers,
      context: { kind: 'activity', id: a.id },
    });
    if (r.created)
      await recordAudit(db, {
        actor: actorOf(caller),
        action: 'activity.feedback',
        entity: 'activity',
        entityId: a.id,
        detail: r.id,
        orgPath: a.org_path,
      });
    return r;
  });
}
