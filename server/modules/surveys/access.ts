import type { Role } from '../../../common/roles';
import type { SurveyRow } from '../../db/schema';
import { covers, type Assignment, type Caller } from '../../lib/caller';

/** Who builds and publishes surveys of a unit within their scope. */
export const SURVEY_BUILDERS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];
/**
 * Who records residents' answers, within their area; a street admin too, for the office types in the
 * paper questionnaires collected at the doors.
 */
export const SURVEY_RECORDERS: readonly Role[] = [
  'gridWorker',
  'communityStaff',
  'socialWorker',
  'streetAdmin',
];
/** Who sees surveys and their results. */
export const SURVEY_READERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
  'viewer',
];

/** Where an assignment reaches: the area it serves (a station's street), else its own subtree. */
export const reachOf = (a: Assignment): string => a.area?.path ?? a.path;

/**
 * A survey concerns a caller whose reach lies above it (a street admin sees its communities'
 * surveys) or below it (a grid worker answers the street's survey at the doors of their grid).
 */
const related = (reach: string, path: string) => path.startsWith(reach) || reach.startsWith(path);

export function rolesFor(caller: Caller, s: Pick<SurveyRow, 'org_path'>): Role[] {
  return caller.assignments.filter((a) => related(reachOf(a), s.org_path)).map((a) => a.role);
}

export const maySeeSurvey = (caller: Caller, s: Pick<SurveyRow, 'org_path'>): boolean =>
  rolesFor(caller, s).some((r) => SURVEY_READERS.includes(r));

export const mayBuildSurvey = (caller: Caller, s: Pick<SurveyRow, 'org_path'>): boolean =>
  covers(caller, s.org_path, SURVEY_BUILDERS);

export const mayAnswerSurvey = (caller: Caller, s: Pick<SurveyRow, 'org_path'>): boolean =>
  rolesFor(caller, s).some((r) => SURVEY_RECORDERS.includes(r));

/** The caller's reaches for the roles given, with the ones inside another dropped. */
export function reaches(caller: Caller, roles: readonly Role[]): string[] {
  const all = caller.assignments.filter((a) => roles.includes(a.role)).map(reachOf);
  return [...new Set(all)].filter((p) => !all.some((q) => q !== p && p.startsWith(q)));
}

/**
 * The answers of a survey a caller may read: all of them when the caller's reach covers the whole
 * survey; otherwise those recorded in the caller's own area (undefined means no narrowing).
 */
export function answerScope(caller: Caller, s: Pick<SurveyRow, 'org_path'>): string[] | undefined {
  const mine = reaches(caller, SURVEY_READERS);
  if (mine.some((r) => s.org_path.startsWith(r))) return undefined;
  return mine.filter((r) => r.startsWith(s.org_path));
}

/** Paths above a path, itself included: '/d/s/c/' → '/d/', '/d/s/', '/d/s/c/'. */
export function pathsAbove(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
