import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageVisit } from './coverage';

const households = [
  { id: 'h1', gridId: 'g1', communityId: 'c1' },
  { id: 'h2', gridId: 'g1', communityId: 'c1' },
  { id: 'h3', gridId: 'g2', communityId: 'c1' },
  { id: 'h4', gridId: 'g3', communityId: 'c2' },
];
const names = {
  units: new Map([
    ['g1', '第一网格'],
    ['g2', '第二网格'],
    ['g3', '第一网格'],
    ['c1', '御河九号社区'],
    ['c2', '向阳东街社区'],
  ]),
  staff: new Map([
    ['w1', '马志强'],
    ['w2', '高秀兰'],
  ]),
};
let n = 0;
const v = (household_id: string, outcome: CoverageVisit['outcome'], worker_id = 'w1') => ({
  id: `v${++n}`,
  household_id,
  outcome,
  worker_id,
  at: `2026-11-2${n}T02:00:00.000Z`,
});

describe('campaign coverage', () => {
  it('counts each household once, by its latest visit', () => {
    const c = computeCoverage(
      households,
      [
        v('h1', 'notHome'),
        v('h1', 'notHome'),
        v('h1', 'delivered'),
        v('h2', 'refused'),
        v('h3', 'notHome', 'w2'),
      ],
      names,
    );
    expect(c.total).toMatchObject({ target: 4, visited: 3, reached: 1, notHome: 1, refused: 1 });
    expect(c.total.share).toBe(0.25);
    const g1 = c.byGrid.find((r) => r.id === 'g1')!;
    expect(g1).toMatchObject({ target: 2, visited: 2, reached: 1, communityName: '御河九号社区' });
    expect(c.byCommunity.map((r) => [r.name, r.target, r.reached])).toEqual([
      ['向阳东街社区', 1, 0],
      ['御河九号社区', 3, 1],
    ]);
    expect(c.byWorker).toEqual([
      expect.objectContaining({ name: '马志强', target: null, visited: 2, reached: 1, share: 0.5 }),
      expect.objectContaining({ name: '高秀兰', visited: 1, reached: 0, notHome: 1 }),
    ]);
  });

  it('leaves out visits to households no longer in the campaign', () => {
    const c = computeCoverage(households, [v('gone', 'delivered')], names);
    expect(c.total).toMatchObject({ target: 4, visited: 0, reached: 0 });
    expect(c.byWorker).toEqual([]);
  });
});
