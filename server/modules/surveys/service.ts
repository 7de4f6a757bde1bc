import type {
  Survey,
  SurveyCreate,
  SurveyDetail,
  SurveyQuery,
  SurveySection,
  SurveyUpdate,
  SurveyVersion,
} from '../../../common/schemas/surveys';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { SurveyRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { getOrgUnit, idsOnPath, unitNames } from '../org/service';
import {
  answerScope,
  mayAnswerSurvey,
  mayBuildSurvey,
  pathsAbove,
  reaches,
  SURVEY_READERS,
  SURVEY_RECORDERS,
} from './access';
import { presentVersion, visibleSurvey } from './answers';
import * as repo from './repo';
import { checkSections, countQuestions } from './validate';

/**
 * Surveys (问卷): built by street and community staff as a draft, published as frozen versions,
 * answered at the door by grid workers, community staff and social workers. Editing after publishing
 * edits the draft only; answers keep the version they were given to.
 */
export { getPublishedVersion, householdHasAnswered, recordSurveyAnswer } from './answers';
export { exportSurveyAnswers, surveyResults } from './results';

interface Ctx {
  db: Db;
  caller: Caller;
}

const sectionsOf = (s: SurveyRow): SurveySection[] => JSON.parse(s.draft) as SurveySection[];

export function presentSurvey(v: repo.SurveyView, units: Map<string, string>): Survey {
  return {
    id: v.id,
    orgUnit: { id: v.org_unit_id, name: units.get(v.org_unit_id) ?? '' },
    title: v.title,
    description: v.description,
    status: v.status,
    allowMultiplePerHousehold: !!v.allow_multiple_per_household,
    currentVersion: v.current_version,
    currentVersionId: v.current_version_id,
    publishedAt: v.published_at,
    answers: Number(v.answers),
    questions: countQuestions(sectionsOf(v)),
    version: v.version,
    updatedAt: v.updated_at,
  };
}

/** A survey with the count of the answers the caller may read (their own area's, below the survey). */
async function presentScoped(
  db: Db,
  caller: Caller,
  v: repo.SurveyView,
  units: Map<string, string>,
): Promise<Survey> {
  const within = answerScope(caller, v);
  return {
    ...presentSurvey(v, units),
    ...(within && { answers: await repo.countAnswersWithin(db, v.id, within) }),
  };
}

/** What a version freezes; the draft differs when any of it changed since. */
const frozenPart = (p: { title: string; description: string | null; sections: unknown }) =>
  JSON.stringify([p.title, p.description, p.sections]);

export async function presentSurveyDetail(
  db: Db,
  caller: Caller,
  id: string,
): Promise<SurveyDetail> {
  const v = (await repo.getSurveyView(db, id))!;
  const versions = await repo.findVersions(db, id);
  const units = await unitNames(db, [v.org_unit_id]);
  const current = versions.find((x) => x.id === v.current_version_id);
  const sections = sectionsOf(v);
  return {
    ...(await presentScoped(db, caller, v, units)),
    sections,
    draftChanged:
      !current ||
      frozenPart({ ...v, sections }) !==
        frozenPart({ ...current, sections: JSON.parse(current.sections) }),
    versions: versions.map((x) => ({
      id: x.id,
      version: x.number,
      publishedAt: x.published_at,
      answers: Number(x.answers),
    })),
    canEdit: v.status !== 'closed' && mayBuildSurvey(caller, v),
    canAnswer: v.status === 'published' && mayAnswerSurvey(caller, v),
  };
}

/** Surveys of the caller's units and those below, and of the units above (to answer them). */
export async function listSurveys(opts: Ctx & { query: SurveyQuery }) {
  const { caller, query } = opts;
  const answerable = query.answerable === 'true';
  const roots = reaches(caller, answerable ? SURVEY_RECORDERS : SURVEY_READERS);
  const at = [...new Set(roots.flatMap(pathsAbove))].filter((p) => !roots.includes(p));
  const { rows, total } = await repo.findSurveys(
    opts.db,
    { below: roots, at, status: answerable ? 'published' : query.status, q: query.q },
    pageOf(query),
  );
  const units = await unitNames(
    opts.db,
    rows.map((r) => r.org_unit_id),
  );
  const items = await Promise.all(rows.map((r) => presentScoped(opts.db, caller, r, units)));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getSurvey(opts: Ctx & { id: string }): Promise<SurveyDetail> {
  const s = await visibleSurvey(opts.db, opts.caller, opts.id);
  return presentSurveyDetail(opts.db, opts.caller, s.id);
}

export async function getSurveyVersion(
  opts: Ctx & { id: string; versionId: string },
): Promise<SurveyVersion> {
  const s = await visibleSurvey(opts.db, opts.caller, opts.id);
  const v = await repo.getVersion(opts.db, opts.versionId);
  if (!v || v.survey_id !== s.id) throw notFound();
  return presentVersion(v);
}

export async function createSurvey(
  opts: Ctx & { input: SurveyCreate },
): Promise<{ survey: SurveyDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getSurvey(db, input.id);
      if (existing) {
        if (existing.created_by !== caller.userId || existing.org_unit_id !== input.orgUnitId)
          throw new AppError(409, 'ID_CONFLICT');
        return { survey: await presentSurveyDetail(db, caller, existing.id), created: false };
      }
    }
    const unit = await getOrgUnit({ db, caller, id: input.orgUnitId }).catch(() => {
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'orgUnitId' });
    });
    if (!mayBuildSurvey(caller, { org_path: unit.path })) throw forbidden();
    if (unit.kind !== 'street' && unit.kind !== 'community')
      throw new AppError(400, 'SURVEY_UNIT_KIND', {}, { field: 'orgUnitId' });
    const sections = checkSections(input.sections);
    const now = nowIso();
    const id = input.id ?? newId();
    await repo.insertSurvey(db, {
      id,
      street_id: unit.kind === 'street' ? unit.id : idsOnPath(unit.path)[1],
      org_unit_id: unit.id,
      org_path: unit.path,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      status: 'draft',
      allow_multiple_per_household: input.allowMultiplePerHousehold ? 1 : 0,
      draft: JSON.stringify(sections),
      current_version: 0,
      current_version_id: null,
      published_at: null,
      closed_at: null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'survey.create',
      entity: 'survey',
      entityId: id,
      orgPath: unit.path,
    });
    return { survey: await presentSurveyDetail(db, caller, id), created: true };
  });
}

/** A survey the caller may change: seen, theirs to build, not closed. */
async function buildable(db: Db, caller: Caller, id: string): Promise<SurveyRow> {
  const s = await visibleSurvey(db, caller, id);
  if (!mayBuildSurvey(caller, s)) throw forbidden();
  if (s.status === 'closed') throw new AppError(409, 'SURVEY_CLOSED');
  return s;
}

/** Saves the draft; published versions stay as they were. */
export async function updateSurvey(
  opts: Ctx & { id: string; input: SurveyUpdate },
): Promise<SurveyDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const s = await buildable(db, caller, opts.id);
    if (s.version !== input.version) throw stale(await presentSurveyDetail(db, caller, s.id));
    const sections = checkSections(input.sections);
    const ok = await repo.updateSurvey(db, s.id, input.version, {
      title: input.title.trim(),
      description: input.description?.trim() || null,
      allow_multiple_per_household: input.allowMultiplePerHousehold ? 1 : 0,
      draft: JSON.stringify(sections),
      updated_at: nowIso(),
    });
    if (!ok) throw stale(await presentSurveyDetail(db, caller, s.id));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'survey.update',
      entity: 'survey',
      entityId: s.id,
      orgPath: s.org_path,
    });
    return presentSurveyDetail(db, caller, s.id);
  });
}

/**
 * Publishes the draft as version n+1, a frozen copy. Publishing a draft that has not changed since
 * the last version (a resend) makes no new version.
 */
export async function publishSurvey(
  opts: Ctx & { id: string; version: number },
): Promise<SurveyDetail> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const s = await buildable(db, caller, opts.id);
    const detail = await presentSurveyDetail(db, caller, s.id);
    if (s.status === 'published' && !detail.draftChanged) return detail;
    if (s.version !== opts.version) throw stale(detail);
    const sections = checkSections(sectionsOf(s));
    if (countQuestions(sections) === 0) throw new AppError(400, 'SURVEY_EMPTY');
    const now = nowIso();
    const versionId = newId();
    const number = s.current_version + 1;
    await repo.insertVersion(db, {
      id: versionId,
      survey_id: s.id,
      street_id: s.street_id,
      number,
      title: s.title,
      description: s.description,
      sections: JSON.stringify(sections),
      published_by: caller.userId,
      published_at: now,
    });
    const ok = await repo.updateSurvey(db, s.id, opts.version, {
      status: 'published',
      current_version: number,
      current_version_id: versionId,
      published_at: now,
      updated_at: now,
    });
    if (!ok) throw stale(detail);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'survey.publish',
      entity: 'survey',
      entityId: s.id,
      detail: `v${number}`,
      orgPath: s.org_path,
    });
    return presentSurveyDetail(db, caller, s.id);
  });
}

/** Closes a published survey: no more answers; its results stay. Closing it again changes nothing. */
export async function closeSurvey(
  opts: Ctx & { id: string; version: number },
): Promise<SurveyDetail> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const s = await visibleSurvey(db, caller, opts.id);
    if (!mayBuildSurvey(caller, s)) throw forbidden();
    if (s.status === 'closed') return presentSurveyDetail(db, caller, s.id);
    if (s.status !== 'published') throw new AppError(409, 'SURVEY_NOT_PUBLISHED');
    if (s.version !== opts.version) throw stale(await presentSurveyDetail(db, caller, s.id));
    const now = nowIso();
    const ok = await repo.updateSurvey(db, s.id, opts.version, {
      status: 'closed',
      closed_at: now,
      updated_at: now,
    });
    if (!ok) throw stale(await presentSurveyDetail(db, caller, s.id));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'survey.close',
      entity: 'survey',
      entityId: s.id,
      orgPath: s.org_path,
    });
    return presentSurveyDetail(db, caller, s.id);
  });
}

export const unitHasSurveys = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasSurveys(db, unitId);
