import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { areaCondition, inScope, underPaths } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type {
  SurveyAnswerRow,
  SurveyAnswerTable,
  SurveyRow,
  SurveyTable,
  SurveyVersionRow,
  SurveyVersionTable,
} from '../../db/schema';

/** A survey with the count of answers its list shows. */
export type SurveyView = SurveyRow & { answers: number | string };

function surveyViews(db: Db) {
  return db
    .selectFrom('survey')
    .selectAll('survey')
    .select((eb) => [
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
  page: Page,
): Promise<{ rows: SurveyView[]; total: number }> {
  if (f.below.length === 0 && f.at.length === 0) return { rows: [], total: 0 };
  let q = surveyViews(db).where((eb) =>
    eb.or([
      ...(f.below.length ? [areaCondition(eb, 'survey', underPaths(f.below))!] : []),
      ...(f.at.length ? [eb('survey.org_path', 'in', f.at)] : []),
    ]),
  );
  if (f.status) q = q.where('survey.status', '=', f.status);
  if (f.q) q = q.where('survey.title', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  const { rows, total } = await paginate(
    db,
    q.orderBy('survey.updated_at', 'desc').orderBy('survey.id', 'desc'),
    page,
  );
  return { rows: rows as SurveyView[], total };
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

export type AnswerView = SurveyAnswerRow & { number: number };

/** Answers of a survey (of one version, when named), oldest first; `within` narrows to areas. */
export async function findAnswers(
  db: Db,
  f: { surveyId: string; versionId?: string; within?: string[]; limit: number },
): Promise<AnswerView[]> {
  if (f.within && f.within.length === 0) return [];
  let q = db
    .selectFrom('survey_answer as a')
    .innerJoin('survey_version as v', 'v.id', 'a.version_id')
    .selectAll('a')
    .select('v.number')
    .where('a.survey_id', '=', f.surveyId);
  if (f.versionId) q = q.where('a.version_id', '=', f.versionId);
  if (f.within) q = inScope(q, 'a', underPaths(f.within));
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
  const r = await inScope(
    db
      .selectFrom('survey_answer')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('survey_id', '=', surveyId),
    'survey_answer',
    underPaths(within),
  ).executeTakeFirst();
  return Number(r?.n ?? 0);
}
