import type {
  AssessmentForm,
  CaseCreate,
  CaseFormSave,
  CaseStage,
  ServiceRecordCreate,
} from '../../common/schemas/cases';
import type { Household } from '../../common/schemas/people';
import type { Db } from '../db';
import type { Caller } from '../modules/auth/caller';
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

/**
 * A case worked through the cases service as the station's staff would through the API: each step
 * takes the version the last one returned.
 */
export async function startCase(db: Db, staff: StationStaff, input: CaseCreate) {
  const { worker, supervisor } = staff;
  const opened = await openCase({ db, caller: worker, input });
  const id = opened.case.id;
  let version = opened.case.version;
  return {
    id,
    form: async (form: FormInput) => {
      version = (await saveForm({ db, caller: worker, id, input: { ...form, version } })).version;
    },
    advance: async (to: CaseStage) => {
      version = (await advanceCase({ db, caller: worker, id, input: { version, to } })).version;
    },
    approve: async (form: 'plan' | 'closure', note?: string) => {
      if (!supervisor) throw new Error('demo data: no supervisor to approve');
      version = (
        await reviewCase({
          db,
          caller: supervisor,
          id,
          input: { version, form, decision: 'approved', note },
        })
      ).version;
    },
    record: async ({ daysAgo, time, ...r }: RecordInput) => {
      const at = daysAgoAt(daysAgo, time);
      version = (await createRecord({ db, caller: worker, caseId: id, input: { ...r, at } })).case
        .version;
    },
    pseudonym: async (pseudonym: string) => {
      version = (await updateCase({ db, caller: worker, id, input: { version, pseudonym } }))
        .version;
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
