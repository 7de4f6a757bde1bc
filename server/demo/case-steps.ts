import type {
  AssessmentForm,
  CaseCreate,
  CaseFormSave,
  CaseStage,
  ServiceRecordCreate,
} from '../../common/schemas/cases';
import type { Household } from '../../common/schemas/people';
import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { nowIso } from '../lib/time';
import { addDays, todayInShanghai } from '../modules/cases/care';
import { createRecord } from '../modules/cases/records';
import { openCase, updateCase } from '../modules/cases/service';
import { advanceCase, reviewCase, saveForm } from '../modules/cases/stage-steps';
import { recordConsent } from '../modules/people/residents';

// The steps the demo's story cases are worked with: the cases and people services, called as the
// station's staff would call them through the API.

/** The demo staff of a station who work the story's case: its social worker, and its supervisor for reviews. */
export interface StationStaff {
  worker: Caller;
  supervisor?: Caller;
}

type FormInput = CaseFormSave extends infer T
  ? T extends unknown
    ? Omit<T, 'version'>
    : never
  : never;
export type RecordInput = Omit<ServiceRecordCreate, 'at'> & { daysAgo: number; time?: string };

export const today = () => todayInShanghai();
/** A moment some days back, at a time of day in Asia/Shanghai, as the API takes it. */
const daysAgoAt = (days: number, time = '09:00') => `${addDays(today(), -days)}T${time}:00+08:00`;

export function member(h: Household, name: string) {
  const r = h.members.find((m) => m.name === name);
  if (!r) throw new Error(`demo data: no ${name} in household ${h.id}`);
  return r;
}

/** An assessment with the domains that matter to the story rated, the others as "doing well enough". */
export function assessment(
  domains: Partial<AssessmentForm['domains']>,
  summary: string,
  overallLevel: number,
): AssessmentForm {
  const fine = { rating: 4, needs: '', strengths: '' };
  return {
    domains: {
      health: fine,
      economy: fine,
      family: fine,
      educationWork: fine,
      psychology: fine,
      socialSupport: fine,
      safety: fine,
      ...domains,
    },
    summary,
    overallLevel,
  };
}

/** Moves what a step of the case wrote (its timeline entries, forms and reviews) back to `at`. */
async function moveStepBack(db: Db, caseId: string, since: string, at: string) {
  await db
    .updateTable('case_event')
    .set({ at })
    .where('case_id', '=', caseId)
    .where('at', '>=', since)
    .execute();
  await db
    .updateTable('case_stage_form')
    .set({ submitted_at: at })
    .where('case_id', '=', caseId)
    .where('submitted_at', '>=', since)
    .execute();
  await db
    .updateTable('case_stage_form')
    .set({ reviewed_at: at })
    .where('case_id', '=', caseId)
    .where('reviewed_at', '>=', since)
    .execute();
}

/**
 * A case worked through the cases service as the station's staff would through the API: each step
 * takes the version the last one returned. The service dates each step now, but the story's steps
 * took weeks: the case is opened `openedDaysAgo`, each later step is moved back to the day `on` set
 * (a few minutes apart, in order), and a record's timeline entry to the record's own time. 今日待办
 * counts from the opening and the last visit, so a case opened at seed time with visits from last
 * month could never be overdue.
 */
export async function startCase(
  db: Db,
  staff: StationStaff,
  input: CaseCreate,
  openedDaysAgo: number,
) {
  const { worker, supervisor } = staff;
  const since = nowIso();
  const opened = await openCase({ db, caller: worker, input });
  const id = opened.case.id;
  const openedAt = new Date(daysAgoAt(openedDaysAgo)).toISOString();
  await moveStepBack(db, id, since, openedAt);
  await db
    .updateTable('social_case')
    .set({ opened_at: openedAt, created_at: openedAt })
    .where('id', '=', id)
    .execute();
  let version = opened.case.version;
  let day = openedDaysAgo;
  let dayStarts = 9 * 60;
  let stepOfDay = 1;
  /** Runs a step of the case and dates it on the current day, after the steps before it. */
  const dated = async <T>(step: () => Promise<T>, at?: string): Promise<T> => {
    const started = nowIso();
    const result = await step();
    const minutes = dayStarts + 5 * stepOfDay++;
    const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const when = at ?? daysAgoAt(day, clock);
    await moveStepBack(db, id, started, new Date(when).toISOString());
    return result;
  };
  return {
    id,
    /** The day (and the time of day, HH:MM) the next steps were taken. */
    on: (daysAgo: number, time = '09:00') => {
      day = daysAgo;
      dayStarts = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
      stepOfDay = 1;
    },
    step: <T>(run: () => Promise<T>) => dated(run),
    form: async (form: FormInput) => {
      version = (
        await dated(() => saveForm({ db, caller: worker, id, input: { ...form, version } }))
      ).version;
    },
    advance: async (to: CaseStage) => {
      version = (await dated(() => advanceCase({ db, caller: worker, id, input: { version, to } })))
        .version;
    },
    approve: async (form: 'plan' | 'closure', note?: string) => {
      if (!supervisor) throw new Error('demo data: no supervisor to approve');
      version = (
        await dated(() =>
          reviewCase({
            db,
            caller: supervisor,
            id,
            input: { version, form, decision: 'approved', note },
          }),
        )
      ).version;
    },
    record: async ({ daysAgo, time, ...r }: RecordInput) => {
      const at = daysAgoAt(daysAgo, time);
      version = (
        await dated(() => createRecord({ db, caller: worker, caseId: id, input: { ...r, at } }), at)
      ).case.version;
    },
    pseudonym: async (pseudonym: string) => {
      version = (
        await dated(() => updateCase({ db, caller: worker, id, input: { version, pseudonym } }))
      ).version;
    },
  };
}

export async function consent(
  db: Db,
  caller: Caller,
  residentId: string,
  daysAgo: number,
  guardianName?: string,
) {
  await recordConsent({
    db,
    caller,
    residentId,
    input: {
      givenBy: guardianName ? 'guardian' : 'self',
      guardianName: guardianName ?? null,
      consentDate: addDays(today(), -daysAgo),
      scope: '个案服务及必要的信息共享',
    },
  });
}
