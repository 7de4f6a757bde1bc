import type {
  IssueAction,
  IssueDeadlineStep,
  IssueLevel,
  IssueStatus,
} from '../../../common/schemas/issues';
import { issueLevels } from '../../../common/schemas/issues';

/**
 * The issue flow of GB/T 30428 (信息采集 → 立案 → 派遣 → 处置 → 核查 → 结案 → 评价). Pure: the
 * service loads the issue, asks `decide`, and writes the steps it answers, or nothing.
 *
 *   reported ─accept→ accepted ─dispatch→ dispatched ─startHandling→ handling ─handle→ handled
 *   reported ─reject (reason)→ rejected
 *   dispatched ─sendBack (reason)→ accepted            the wrong department hands it back
 *   handled ─verify fixed→ verified ─close→ closed ─rate→ rated
 *   handled ─verify not fixed→ reopened ─startHandling→ handling
 *   any open status ─merge→ merged                    a duplicate of another open issue
 *   any open status ─urge→ (unchanged)                督办 by a higher level
 *
 * A re-inspection of a rectification order (the places module's notice) may verify an issue that is
 * still dispatched, handling or reopened as soon as the unit says it has rectified, before the
 * deadline too: the place fixed it (or did not) whatever the department recorded. While its notice is
 * open, such an issue is verified only that way, so the notice and the issue close together.
 */

/** Statuses still being worked on: they can be urged, merged and escalated. */
export const openStatuses: readonly IssueStatus[] = [
  'reported',
  'accepted',
  'dispatched',
  'handling',
  'reopened',
  'handled',
];
export const isOpen = (s: IssueStatus): boolean => openStatuses.includes(s);

/** The step whose time limit runs while an issue is in a status; none for finished ones. */
export function deadlineStepOf(status: IssueStatus): IssueDeadlineStep | null {
  switch (status) {
    case 'reported':
      return 'accept';
    case 'accepted':
      return 'dispatch';
    case 'dispatched':
    case 'handling':
    case 'reopened':
      return 'handle';
    case 'handled':
      return 'verify';
    default:
      return null;
  }
}

export const nextLevel = (level: IssueLevel): IssueLevel | null =>
  issueLevels[issueLevels.indexOf(level) + 1] ?? null;

export interface IssueState {
  status: IssueStatus;
  /** The issue carries a rectification order (raised by a failed inspection). */
  rectification: boolean;
  /** The rectification order's deadline has come. */
  rectificationDue: boolean;
  /** Its rectification notice is issued and not yet re-inspected as fixed. */
  noticeOpen?: boolean;
}

export type FlowCommand =
  | { type: 'accept' }
  | { type: 'reject'; note?: string | null }
  | { type: 'dispatch'; hasTarget: boolean }
  | { type: 'sendBack'; note?: string | null }
  | { type: 'startHandling' }
  | { type: 'handle'; note?: string | null }
  | { type: 'verify'; fixed: boolean; reinspection?: boolean }
  | { type: 'rate'; rating: number }
  | { type: 'urge' }
  | { type: 'merge'; intoSelf: boolean; intoOpen: boolean };

export type Refusal =
  | 'INVALID_TRANSITION'
  | 'REASON_REQUIRED'
  | 'DISPATCH_TARGET_REQUIRED'
  | 'RATING_OUT_OF_RANGE'
  | 'REINSPECTION_TOO_EARLY'
  | 'REINSPECT_NOTICE'
  | 'MERGE_TARGET_INVALID';

export interface FlowStep {
  action: IssueAction;
  from: IssueStatus;
  to: IssueStatus;
}

export type Decision =
  { ok: true; steps: FlowStep[]; status: IssueStatus } | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });
const move = (...steps: FlowStep[]): Decision => ({
  ok: true,
  steps,
  status: steps[steps.length - 1].to,
});
const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** Where each simple command may start and where it leads. */
const simple: Partial<Record<FlowCommand['type'], [readonly IssueStatus[], IssueStatus]>> = {
  accept: [['reported'], 'accepted'],
  reject: [['reported'], 'rejected'],
  dispatch: [['accepted'], 'dispatched'],
  sendBack: [['dispatched'], 'accepted'],
  startHandling: [['dispatched', 'reopened'], 'handling'],
  handle: [['handling'], 'handled'],
  rate: [['closed'], 'rated'],
};

export function decide(state: IssueState, command: FlowCommand): Decision {
  const from = state.status;
  switch (command.type) {
    case 'reject':
    case 'sendBack':
      if (blank(command.note)) return refuse('REASON_REQUIRED');
      break;
    case 'handle':
      if (blank(command.note)) return refuse('REASON_REQUIRED');
      break;
    case 'dispatch':
      if (!command.hasTarget) return refuse('DISPATCH_TARGET_REQUIRED');
      break;
    case 'rate':
      if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5)
        return refuse('RATING_OUT_OF_RANGE');
      break;
    case 'urge':
      return isOpen(from) ? move({ action: 'urge', from, to: from }) : refuse('INVALID_TRANSITION');
    case 'merge':
      if (!isOpen(from)) return refuse('INVALID_TRANSITION');
      if (command.intoSelf || !command.intoOpen) return refuse('MERGE_TARGET_INVALID');
      return move({ action: 'merge', from, to: 'merged' });
    case 'verify':
      return verify(state, command.fixed, command.reinspection ?? false);
    default:
      break;
  }
  const rule = simple[command.type]!;
  if (!rule[0].includes(from)) return refuse('INVALID_TRANSITION');
  return move({ action: command.type, from, to: rule[1] });
}

function verify(state: IssueState, fixed: boolean, reinspection: boolean): Decision {
  const from = state.status;
  const early: readonly IssueStatus[] = ['dispatched', 'handling', 'reopened'];
  if (from !== 'handled') {
    if (!reinspection || !state.rectification || !early.includes(from))
      return refuse('INVALID_TRANSITION');
  }
  if (!reinspection && state.noticeOpen) return refuse('REINSPECT_NOTICE');
  if (!fixed) return move({ action: 'verify', from, to: 'reopened' });
  return move(
    { action: 'verify', from, to: 'verified' },
    { action: 'close', from: 'verified', to: 'closed' },
  );
}

/** The commands the flow would take from this status (permissions aside), for the UI's buttons. */
export function possibleCommands(state: IssueState): FlowCommand['type'][] {
  const probes: FlowCommand[] = [
    { type: 'accept' },
    { type: 'reject', note: 'x' },
    { type: 'dispatch', hasTarget: true },
    { type: 'sendBack', note: 'x' },
    { type: 'startHandling' },
    { type: 'handle', note: 'x' },
    { type: 'verify', fixed: true },
    { type: 'rate', rating: 5 },
    { type: 'urge' },
    { type: 'merge', intoSelf: false, intoOpen: true },
  ];
  return probes.filter((c) => decide(state, c).ok).map((c) => c.type);
}
