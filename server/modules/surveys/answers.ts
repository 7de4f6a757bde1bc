import type { SurveyAnswerInput, SurveyVersion } from '../../../common/schemas/surveys';
import type { Db } from '../../db';
import type { SurveyRow, SurveyVersionRow } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { describeGrids } from '../org/service';
import { formatAddress, maskName } from '../people/access';
import { householdInScope, residentInScope } from '../people/service';
import { mayAnswerSurvey, maySeeSurvey, reaches, SURVEY_RECORDERS } from './access';
import * as repo from './repo';
import { checkAnswers } from './validate';

/** Runs in the caller's transaction when there is one (a campaign visit, an activity's feedback). */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function presentVersion(v: SurveyVersionRow): SurveyVersion {
  return {
    id: v.id,
    surveyId: v.survey_id,
    version: v.number,
    title: v.title,
    description: v.description,
    sections: JSON.parse(v.sections) as SurveyVersion['sections'],
    publishedAt: v.published_at,
  };
}

/** The survey's current published version; undefined before its first publishing. */
export async function getPublishedVersion(
  db: Db,
  surveyId: string,
): Promise<SurveyVersion | undefined> {
  const s = await repo.getSurvey(db, surveyId);
  if (!s?.current_version_id) return undefined;
  const v = await repo.getVersion(db, s.current_version_id);
  return v && presentVersion(v);
}

/** A survey the caller may see; others do not exist for them. */
export async function visibleSurvey(db: Db, caller: Caller, id: string): Promise<SurveyRow> {
  const s = await repo.getSurvey(db, id);
  if (!s || !maySeeSurvey(caller, s)) throw notFound();
  return s;
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * Records an answer to a published version of a survey (the current one unless named), by a
 * household, a resident (counted for their household) or anonymously. One answer per household
 * unless the survey allows more. A resent id answers the first record.
 */
export async function recordSurveyAnswer(
  db: Db,
  caller: Caller,
  input: SurveyAnswerInput,
): Promise<{ id: string; created: boolean }> {
  return inTransaction(db, async (trx) => {
    if (input.id) {
      const existing = await repo.getAnswer(trx, input.id);
      if (existing) {
        const same =
          existing.survey_id === input.surveyId &&
          existing.recorded_by === caller.userId &&
          (input.householdId ?? null) === existing.household_id;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { id: existing.id, created: false };
      }
    }
    const s = await visibleSurvey(trx, caller, input.surveyId);
    if (!mayAnswerSurvey(caller, s)) throw forbidden();
    if (s.status === 'closed') throw new AppError(409, 'SURVEY_CLOSED');
    if (s.status !== 'published' || !s.current_version_id)
      throw new AppError(409, 'SURVEY_NOT_PUBLISHED');
    const version = await repo.getVersion(trx, input.versionId ?? s.current_version_id);
    if (!version || version.survey_id !== s.id)
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'versionId' });

    let householdId = input.householdId ?? null;
    let householdLabel: string | null = null;
    let residentLabel: string | null = null;
    let orgPath: string | null = null;
    if (input.residentId) {
      const r = await residentInScope(trx, caller, input.residentId, true);
      if (householdId && householdId !== r.household_id)
        throw new AppError(400, 'SURVEY_RESIDENT_NOT_IN_HOUSEHOLD', {}, { field: 'residentId' });
      householdId = r.household_id;
      residentLabel = maskName(r.name);
    }
    if (householdId) {
      const h = await householdInScope(trx, caller, householdId, true);
      if (!h.org_path.startsWith(s.org_path))
        throw new AppError(404, 'NOT_FOUND', {}, { field: 'householdId' });
      const names = await describeGrids(trx, [h.grid_id]);
      householdLabel = formatAddress(h, names.get(h.grid_id)?.communityName ?? '');
      orgPath = h.org_path;
    }
    // An anonymous answer is placed where the recorder works, as far as that lies in the survey.
    orgPath ??=
      reaches(caller, SURVEY_RECORDERS)
        .filter((r) => r.startsWith(s.org_path))
        .sort((a, b) => b.length - a.length)[0] ?? s.org_path;

    const answers = checkAnswers(presentVersion(version), input.answers);
    const householdKey = householdId && !s.allow_multiple_per_household ? householdId : null;
    if (householdKey && (await repo.findHouseholdAnswer(trx, s.id, householdKey)))
      throw new AppError(409, 'SURVEY_ALREADY_ANSWERED', {}, { field: 'householdId' });

    const id = input.id ?? newId();
    try {
      await repo.insertAnswer(trx, {
        id,
        survey_id: s.id,
        version_id: version.id,
        street_id: s.street_id,
        org_path: orgPath,
        household_id: householdId,
        household_key: householdKey,
        household_label: householdLabel,
        resident_id: input.residentId ?? null,
        resident_label: residentLabel,
        answers: JSON.stringify(answers),
        context_kind: input.context?.kind ?? null,
        context_id: input.context?.id ?? null,
        recorded_by: caller.userId,
        created_at: nowIso(),
      });
    } catch (e) {
      // Two answers for one household arriving at once: the unique index lets one through.
      if (isUniqueViolation(e))
        throw new AppError(409, 'SURVEY_ALREADY_ANSWERED', {}, { field: 'householdId' });
      throw e;
    }
    await recordAudit(trx, {
      actor: actorOf(caller),
      action: 'survey.answer',
      entity: 'survey',
      entityId: s.id,
      detail: id,
      orgPath,
    });
    return { id, created: true };
  });
}

/**
 * Whether a household's answer would be refused as a second one (the survey takes one per
 * household and it has answered), so a visit can skip the questionnaire instead of failing on it.
 */
export async function householdHasAnswered(
  db: Db,
  surveyId: string,
  householdId: string,
): Promise<boolean> {
  const s = await repo.getSurvey(db, surveyId);
  if (!s || s.allow_multiple_per_household) return false;
  return (await repo.findHouseholdAnswer(db, surveyId, householdId)) !== undefined;
}
