import { describe, expect, it } from 'vitest';
import { issueStatuses, type IssueStatus } from '../../../common/schemas/issues';
import {
  deadlineStepOf,
  decide,
  nextLevel,
  possibleCommands,
  type FlowCommand,
  type IssueState,
} from './flow';

const at = (status: IssueStatus, more: Partial<IssueState> = {}): IssueState => ({
  status,
  rectification: false,
  rectificationDue: false,
  ...more,
});

const commands: FlowCommand[] = [
  { type: 'accept' },
  { type: 'reject', note: '不属于管辖范围' },
  { type: 'dispatch', hasTarget: true },
  { type: 'sendBack', note: '不是本部门职责' },
  { type: 'startHandling' },
  { type: 'handle', note: '已清理' },
  { type: 'verify', fixed: true },
  { type: 'rate', rating: 5 },
];

/** Where each command may start: everything else is outside the flow. */
const allowedFrom: Record<string, IssueStatus[]> = {
  accept: ['reported'],
  reject: ['reported'],
  dispatch: ['accepted'],
  sendBack: ['dispatched'],
  startHandling: ['dispatched', 'reopened'],
  handle: ['handling'],
  verify: ['handled'],
  rate: ['closed'],
};

describe('the issue flow', () => {
  it('walks 上报 → 立案 → 派遣 → 处置 → 核查 → 结案 → 评价, with a failed verification on the way', () => {
    let status: IssueStatus = 'reported';
    const trail: string[] = [];
    const run = (c: FlowCommand) => {
      const d = decide(at(status), c);
      if (!d.ok) throw new Error(`${c.type} refused at ${status}: ${d.refusal}`);
      trail.push(...d.steps.map((s) => `${s.action}:${s.to}`));
      status = d.status;
    };
    run({ type: 'accept' });
    run({ type: 'dispatch', hasTarget: true });
    run({ type: 'startHandling' });
    run({ type: 'handle', note: '已清理楼道杂物' });
    run({ type: 'verify', fixed: false });
    run({ type: 'startHandling' });
    run({ type: 'handle', note: '再次清理并张贴告示' });
    run({ type: 'verify', fixed: true });
    run({ type: 'rate', rating: 4 });
    expect(trail).toEqual([
      'accept:accepted',
      'dispatch:dispatched',
      'startHandling:handling',
      'handle:handled',
      'verify:reopened',
      'startHandling:handling',
      'handle:handled',
      'verify:verified',
      'close:closed',
      'rate:rated',
    ]);
    expect(status).toBe('rated');
  });

  it('accepts each command only from its own statuses, and nothing from finished ones', () => {
    for (const status of issueStatuses) {
      for (const c of commands) {
        const d = decide(at(status), c);
        expect(d.ok, `${c.type} from ${status}`).toBe(allowedFrom[c.type].includes(status));
        if (!d.ok) expect(d.refusal).toBe('INVALID_TRANSITION');
      }
    }
  });

  it('needs a reason to reject or send back, what was done to mark handled, and a target to dispatch', () => {
    expect(decide(at('reported'), { type: 'reject', note: '  ' })).toEqual({
      ok: false,
      refusal: 'REASON_REQUIRED',
    });
    expect(decide(at('dispatched'), { type: 'sendBack' })).toMatchObject({
      refusal: 'REASON_REQUIRED',
    });
    expect(decide(at('handling'), { type: 'handle', note: '' })).toMatchObject({
      refusal: 'REASON_REQUIRED',
    });
    expect(decide(at('accepted'), { type: 'dispatch', hasTarget: false })).toMatchObject({
      refusal: 'DISPATCH_TARGET_REQUIRED',
    });
  });

  it('sends a wrong dispatch back to accepted, awaiting a new dispatch — not rejected', () => {
    const back = decide(at('dispatched'), { type: 'sendBack', note: '应由城管处理' });
    expect(back).toMatchObject({ ok: true, status: 'accepted' });
    expect(decide(at('accepted'), { type: 'dispatch', hasTarget: true })).toMatchObject({
      status: 'dispatched',
    });
    expect(decide(at('handling'), { type: 'sendBack', note: 'x' })).toMatchObject({
      refusal: 'INVALID_TRANSITION',
    });
  });

  it('rates 1 to 5 only', () => {
    for (const rating of [0, 6, 2.5])
      expect(decide(at('closed'), { type: 'rate', rating })).toMatchObject({
        refusal: 'RATING_OUT_OF_RANGE',
      });
  });

  it('lets a re-inspection decide a rectification order still being handled, before its deadline too', () => {
    const due = { rectification: true, rectificationDue: true };
    expect(
      decide(at('handling', due), { type: 'verify', fixed: true, reinspection: true }),
    ).toMatchObject({
      ok: true,
      status: 'closed',
    });
    expect(
      decide(at('dispatched', due), { type: 'verify', fixed: false, reinspection: true }),
    ).toMatchObject({
      status: 'reopened',
    });
    expect(
      decide(at('handling', { rectification: true, rectificationDue: false }), {
        type: 'verify',
        fixed: true,
        reinspection: true,
      }),
    ).toMatchObject({ ok: true, status: 'closed' });
    // While the notice is open, the issue's own verification is refused: it closes with the notice.
    expect(
      decide(at('handled', { rectification: true, rectificationDue: false, noticeOpen: true }), {
        type: 'verify',
        fixed: true,
      }),
    ).toMatchObject({ refusal: 'REINSPECT_NOTICE' });
    expect(
      decide(at('handled', { rectification: true, rectificationDue: false, noticeOpen: true }), {
        type: 'verify',
        fixed: true,
        reinspection: true,
      }),
    ).toMatchObject({ ok: true, status: 'closed' });
    // Without an order, or before dispatch, or by an ordinary verification: outside the flow.
    expect(
      decide(at('handling'), { type: 'verify', fixed: true, reinspection: true }),
    ).toMatchObject({
      refusal: 'INVALID_TRANSITION',
    });
    expect(
      decide(at('accepted', due), { type: 'verify', fixed: true, reinspection: true }),
    ).toMatchObject({
      refusal: 'INVALID_TRANSITION',
    });
    expect(decide(at('handling', due), { type: 'verify', fixed: true })).toMatchObject({
      refusal: 'INVALID_TRANSITION',
    });
  });

  it('urges and merges open issues only, and merges into another open one', () => {
    for (const status of issueStatuses) {
      const open = [
        'reported',
        'accepted',
        'dispatched',
        'handling',
        'reopened',
        'handled',
      ].includes(status);
      expect(decide(at(status), { type: 'urge' }).ok, status).toBe(open);
      const merge = decide(at(status), { type: 'merge', intoSelf: false, intoOpen: true });
      expect(merge.ok, status).toBe(open);
      if (merge.ok) expect(merge.status).toBe('merged');
    }
    expect(decide(at('reported'), { type: 'merge', intoSelf: true, intoOpen: true })).toMatchObject(
      {
        refusal: 'MERGE_TARGET_INVALID',
      },
    );
    expect(
      decide(at('reported'), { type: 'merge', intoSelf: false, intoOpen: false }),
    ).toMatchObject({
      refusal: 'MERGE_TARGET_INVALID',
    });
  });

  it('names the step whose limit runs in each status, and the level above each level', () => {
    expect(deadlineStepOf('reported')).toBe('accept');
    expect(deadlineStepOf('accepted')).toBe('dispatch');
    expect(
      ['dispatched', 'handling', 'reopened'].map((s) => deadlineStepOf(s as IssueStatus)),
    ).toEqual(['handle', 'handle', 'handle']);
    expect(deadlineStepOf('handled')).toBe('verify');
    for (const s of ['rejected', 'verified', 'closed', 'rated', 'merged'] as IssueStatus[])
      expect(deadlineStepOf(s)).toBeNull();
    expect(['grid', 'community', 'street', 'district'].map((l) => nextLevel(l as never))).toEqual([
      'community',
      'street',
      'district',
      null,
    ]);
  });

  it('offers the commands the status allows', () => {
    expect(possibleCommands(at('reported'))).toEqual(['accept', 'reject', 'urge', 'merge']);
    expect(possibleCommands(at('handled'))).toEqual(['verify', 'urge', 'merge']);
    expect(possibleCommands(at('closed'))).toEqual(['rate']);
    expect(possibleCommands(at('rated'))).toEqual([]);
  });
});
