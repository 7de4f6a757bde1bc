import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import type {
  SurveyAnswerRow,
  SurveyAnswerTable,
  SurveyRow,
  SurveyTable,
  SurveyVersionRow,
  SurveyVersionTable,
} from '../../db/schema';

/** A survey with the names and counts its list shows. */
export type SurveyView = SurveyRow & { unit_name: string | null; answers: number | string };

// Lists join the org unit for its name only; that row is read here, never written.
function surveyViews(db: Db) {
  return db
    .selectFrom('survey')
    .leftJoin('org_unit as u', 'u.id', 'survey.org_unit_id')
    .selectAll('survey')
    .select((eb) => [
      'u.name as unit_name',
      eb
        .selectFrom('survey_answer as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.survey_id', '=', 'survey.id')
        .as('answers'),
    ]);
}

export async function getSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('survey').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getSurveyView(db: Db, id: string): Promise<SurveyView | undefined> {
  return surveyViews(db).where('survey.id', '=', id).executeTakeFirst() as Promise<
    SurveyView | undefined
  >;
}

export async function insertSurvey(db: Db, row: Insertable<SurveyTable>): Promise<void> {
  await db.insertInto('survey').values(row).execute();
}

export async function updateSurvey(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<SurveyTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('survey')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface SurveyFilter {
  /** Surveys at or below one of these paths (the caller's own units and what lies under them). */
  below: string[];
  /** Surveys exactly at one of these paths (the units above the caller's). */
  at: string[];
  status?: SurveyRow['status'];
  q?: string;
}

export async function findSurveys(
  db: Db,
  f: SurveyFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: SurveyView[]; total: number }> {
  if (f.below.length === 0 && f.at.length === 0) return { rows: [], total: 0 };
  let q = surveyViews(db).where((eb) =>
    eb.or([
      ...f.below.map((p) => eb('survey.org_path', 'like', `${p}%`)),
      ...(f.at.length ? [eb('survey.org_path', 'in', f.at)] : []),
    ]),
  );
  if (f.status) q = q.where('survey.status', '=', f.status);
  if (f.q) q = q.where('survey.title', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  const [rows, count] = await Promise.all([
    q
      .orderBy('survey.updated_at', 'desc')
      .orderBy('survey.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { rows: rows as SurveyView[], total: Number(count?.n ?? 0) };
}

// ——— versions ———

export async function insertVersion(db: Db, row: Insertable<SurveyVersionTable>): Promise<void> {
  await db.insertInto('survey_version').values(row).execute();
}

export async function getVersion(db: Db, id: string): Promise<SurveyVersionRow | undefined> {
  return db.selectFrom('survey_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVersions(
  db: Db,
  surveyId: string,
): Promise<(SurveyVersionRow & { answers: number | string })[]> {
  return db
    .selectFrom('survey_version as v')
    .selectAll('v')
    .select((eb) =>
      eb
        .selectFrom('survey_answer as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.version_id', '=', 'v.id')
        .as('answers'),
    )
    .where('v.survey_id', '=', surveyId)
    .orderBy('v.number', 'desc')
    .execute() as Promise<(SurveyVersionRow & { answers: number | string })[]>;
}

// ——— answers ———

export async function getAnswer(db: Db, id: string): Promise<SurveyAnswerRow | undefined> {
  return db.selectFrom('survey_answer').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAnswer(db: Db, row: Insertable<SurveyAnswerTable>): Promise<void> {
  await db.insertInto('survey_answer').values(row).execute();
}

export async function findHouseholdAnswer(
  db: Db,
  surveyId: string,
  householdId: string,
): Promise<SurveyAnswerRow | undefined> {
  return db
    .selectFrom('survey_answer')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('household_key', '=', householdId)
    .executeTakeFirst();
}

export type AnswerView = SurveyAnswerRow & { recorder_name: string | null; number: number };

/** Answers of a survey (of one version, when named), oldest first; `within` narrows to areas. */
export async function findAnswers(
  db: Db,
  f: { surveyId: string; versionId?: string; within?: string[]; limit: number },
): Promise<AnswerView[]> {
  if (f.within && f.within.length === 0) return [];
  let q = db
    .selectFrom('survey_answer as a')
    .innerJoin('survey_version as v', 'v.id', 'a.version_id')
    .leftJoin('staff_user as s', 's.id', 'a.recorded_by')
    .selectAll('a')
    .select(['s.display_name as recorder_name', 'v.number'])
    .where('a.survey_id', '=', f.surveyId);
  if (f.versionId) q = q.where('a.version_id', '=', f.versionId);
  const within = f.within;
  if (within) q = q.where((eb) => eb.or(within.map((p) => eb('a.org_path', 'like', `${p}%`))));
  return q.orderBy('a.created_at').orderBy('a.id').limit(f.limit).execute();
}

/** Whether any survey belongs to the unit or any answer was placed in it. */
export async function unitHasSurveys(db: Db, unitId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('survey')
    .select('id')
    .where('org_unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/** Answers of a survey recorded within the given areas. */
export async function countAnswersWithin(
  db: Db,
  surveyId: string,
  within: string[],
): Promise<number> {
  if (within.length === 0) return 0;
  const r = await db
    .selectFrom('survey_answer')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('survey_id', '=', surveyId)
    .where((eb) => eb.or(within.map((p) => eb('org_path', 'like', `${p}%`))))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
