import { resources, type Locale } from '../../../common/i18n';
import {
  questionsOf,
  type SurveyAnswerValue,
  type SurveyQuestionResult,
  type SurveyResults,
  type SurveyVersion,
} from '../../../common/schemas/surveys';
import type { Db } from '../../db';
import { notFound } from '../../lib/errors';
import { formatShanghai } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { staffDisplayNames } from '../auth/staff-service';
import { tableWorkbook } from '../../lib/table-workbook';
import { answerScope } from './access';
import { presentVersion, visibleSurvey } from './answers';
import * as repo from './repo';

/** Results and exports read at most this many answers. */
export const SURVEY_EXPORT_LIMIT = 50_000;
/** The newest free texts a result shows per question. */
const TEXTS_SHOWN = 200;

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Per question of a version: counts and shares of each option (of the answers that answered the
 * question), average, range and distribution of ratings and numbers, and the texts written.
 */
export function computeResults(
  version: Pick<SurveyVersion, 'sections'>,
  answers: Record<string, SurveyAnswerValue>[],
): SurveyQuestionResult[] {
  return questionsOf(version).map((q) => {
    const values = answers.map((a) => a[q.id]).filter((v) => v !== undefined);
    const base = {
      questionId: q.id,
      type: q.type,
      text: q.text,
      sectionTitle: q.sectionTitle,
      answered: values.length,
    };
    const share = (n: number) => (values.length ? round(n / values.length) : 0);
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const picked = values.map((v) => (Array.isArray(v) ? v : [String(v)]));
        return {
          ...base,
          options: (q.options ?? []).map((o) => {
            const count = picked.filter((p) => p.includes(o.id)).length;
            return { id: o.id, label: o.label, count, share: share(count) };
          }),
        };
      }
      case 'rating':
      case 'number': {
        const nums = values.filter((v): v is number => typeof v === 'number');
        const counts = new Map<number, number>();
        for (const n of nums) counts.set(n, (counts.get(n) ?? 0) + 1);
        const keys =
          q.type === 'rating' ? [1, 2, 3, 4, 5] : [...counts.keys()].sort((a, b) => a - b);
        return {
          ...base,
          average: nums.length ? round(nums.reduce((s, n) => s + n, 0) / nums.length, 2) : null,
          min: nums.length ? Math.min(...nums) : null,
          max: nums.length ? Math.max(...nums) : null,
          distribution: keys.map((value) => ({ value, count: counts.get(value) ?? 0 })),
        };
      }
      case 'text':
        return {
          ...base,
          texts: values
            .map((v) => String(v))
            .filter(Boolean)
            .slice(-TEXTS_SHOWN)
            .reverse(),
        };
    }
  });
}

/** The results of one version (the current one by default), over the answers the caller may read. */
export async function surveyResults(opts: {
  db: Db;
  caller: Caller;
  id: string;
  versionId?: string;
}): Promise<SurveyResults> {
  const { db, caller } = opts;
  const s = await visibleSurvey(db, caller, opts.id);
  const versionId = opts.versionId ?? s.current_version_id;
  const row = versionId ? await repo.getVersion(db, versionId) : undefined;
  if (!row || row.survey_id !== s.id) throw notFound();
  const version = presentVersion(row);
  const answers = await repo.findAnswers(db, {
    surveyId: s.id,
    versionId: row.id,
    within: answerScope(caller, s),
    limit: SURVEY_EXPORT_LIMIT,
  });
  const parsed = answers.map((a) => JSON.parse(a.answers) as Record<string, SurveyAnswerValue>);
  return {
    surveyId: s.id,
    title: version.title,
    versionId: version.id,
    version: version.version,
    total: answers.length,
    households: new Set(answers.map((a) => a.household_id).filter(Boolean)).size,
    questions: computeResults(version, parsed),
  };
}

/**
 * The answers as an .xlsx register: one row per answer, one column per question (every version's
 * questions when no version is named), each answer read against its own version. Households are
 * shown by address and residents by masked name, as the people lists show them.
 */
export async function exportSurveyAnswers(opts: {
  db: Db;
  caller: Caller;
  id: string;
  versionId?: string;
  locale: Locale;
}): Promise<{ file: Buffer; title: string; exported: number }> {
  const { db, caller } = opts;
  const m = resources[opts.locale].surveys.export;
  const s = await visibleSurvey(db, caller, opts.id);
  const versions = new Map(
    (await repo.findVersions(db, s.id)).map((v) => [v.id, presentVersion(v)]),
  );
  if (opts.versionId && !versions.has(opts.versionId)) throw notFound();
  const answers = await repo.findAnswers(db, {
    surveyId: s.id,
    versionId: opts.versionId,
    within: answerScope(caller, s),
    limit: SURVEY_EXPORT_LIMIT,
  });
  const recorders = await staffDisplayNames(
    db,
    answers.map((a) => a.recorded_by),
  );
  // Columns: the questions of the named version, or of every version, newest version's order first.
  const columnsFrom = opts.versionId ? [versions.get(opts.versionId)!] : [...versions.values()];
  const questions = new Map<string, string>();
  for (const v of columnsFrom)
    for (const q of questionsOf(v)) if (!questions.has(q.id)) questions.set(q.id, q.text);
  const columns = [
    { header: m.number, key: 'no', width: 6 },
    { header: m.answeredAt, key: 'at', width: 17 },
    { header: m.version, key: 'version', width: 6 },
    { header: m.household, key: 'household', width: 28 },
    { header: m.resident, key: 'resident', width: 10 },
    { header: m.recordedBy, key: 'recordedBy', width: 10 },
    ...[...questions].map(([id, text], i) => ({ header: text, key: `q${i}_${id}`, width: 20 })),
  ];
  const keys = [...questions.keys()].map((id, i) => [id, `q${i}_${id}`] as const);
  const rows = answers.map((a, i) => {
    const version = versions.get(a.version_id);
    const byId = new Map(version ? questionsOf(version).map((q) => [q.id, q]) : []);
    const values = JSON.parse(a.answers) as Record<string, SurveyAnswerValue>;
    const row: Record<string, string | number | null> = {
      no: i + 1,
      at: formatShanghai(a.created_at),
      version: a.number,
      household: a.household_label ?? m.anonymous,
      resident: a.resident_label,
      recordedBy: recorders.get(a.recorded_by) ?? null,
    };
    for (const [id, key] of keys) {
      const v = values[id];
      const q = byId.get(id);
      const label = (o: string) => q?.options?.find((x) => x.id === o)?.label ?? o;
      row[key] =
        v === undefined
          ? null
          : Array.isArray(v)
            ? v.map(label).join('、')
            : q?.type === 'single'
              ? label(String(v))
              : v;
    }
    return row;
  });
  const file = await tableWorkbook(m.sheet, columns, rows);
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'survey.export',
    entity: 'survey',
    entityId: s.id,
    detail: String(rows.length),
    orgPath: s.org_path,
  });
  return { file, title: s.title, exported: rows.length };
}
