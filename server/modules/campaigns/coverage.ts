import type {
  CampaignCoverage,
  CoverageRow,
  VisitOutcome,
} from '../../../common/schemas/campaigns';

// Coverage (覆盖率) counted from the visits when asked: each household once, by its latest visit.

export interface CoverageHousehold {
  id: string;
  gridId: string;
  communityId: string;
}
export interface CoverageVisit {
  household_id: string;
  outcome: VisitOutcome;
  at: string;
  id: string;
  worker_id: string;
}

/** Each household's latest visit and how many it had (visits must come oldest first). */
export function latestVisits<V extends CoverageVisit>(
  visits: V[],
): Map<string, { last: V; count: number }> {
  const latest = new Map<string, { last: V; count: number }>();
  for (const v of visits) {
    const seen = latest.get(v.household_id);
    latest.set(v.household_id, { last: v, count: (seen?.count ?? 0) + 1 });
  }
  return latest;
}

interface Tally {
  target: number | null;
  visited: number;
  reached: number;
  notHome: number;
  refused: number;
}
const empty = (target: number | null): Tally => ({
  target,
  visited: 0,
  reached: 0,
  notHome: 0,
  refused: 0,
});

function count(t: Tally, outcome: VisitOutcome | undefined): void {
  if (!outcome) return;
  t.visited++;
  if (outcome === 'delivered') t.reached++;
  else if (outcome === 'notHome') t.notHome++;
  else t.refused++;
}

function row(id: string, name: string, t: Tally, communityName?: string): CoverageRow {
  const base = t.target ?? t.visited;
  return {
    id,
    name,
    ...(communityName === undefined ? {} : { communityName }),
    ...t,
    share: base > 0 ? t.reached / base : 0,
  };
}

/**
 * Coverage by grid, community and worker. Only the campaign's current households count (a visit to a
 * household since moved away is left out); a worker is credited with the households they visited last.
 */
export function computeCoverage(
  households: CoverageHousehold[],
  visits: CoverageVisit[],
  names: { units: Map<string, string>; staff: Map<string, string> },
): CampaignCoverage {
  const latest = latestVisits(visits);
  const total = empty(households.length);
  const grids = new Map<string, Tally & { communityId: string }>();
  const communities = new Map<string, Tally>();
  const workers = new Map<string, Tally>();
  for (const h of households) {
    const grid = grids.get(h.gridId) ?? { ...empty(0), communityId: h.communityId };
    const community = communities.get(h.communityId) ?? empty(0);
    grid.target!++;
    community.target!++;
    grids.set(h.gridId, grid);
    communities.set(h.communityId, community);
    const last = latest.get(h.id)?.last;
    for (const t of [total, grid, community]) count(t, last?.outcome);
    if (last) {
      const worker = workers.get(last.worker_id) ?? empty(null);
      count(worker, last.outcome);
      workers.set(last.worker_id, worker);
    }
  }
  const unit = (id: string) => names.units.get(id) ?? '';
  // Communities by name; grids within one in the order they were made (第一网格, 第二网格 …).
  const byName = (a: CoverageRow, b: CoverageRow) =>
    (a.communityName ?? '').localeCompare(b.communityName ?? '', 'zh-CN') ||
    (a.communityName === undefined ? a.name.localeCompare(b.name, 'zh-CN') : 0) ||
    a.id.localeCompare(b.id);
  return {
    total: row('', '', total),
    byCommunity: [...communities].map(([id, t]) => row(id, unit(id), t)).sort(byName),
    byGrid: [...grids]
      .map(([id, { communityId, ...t }]) => row(id, unit(id), t, unit(communityId)))
      .sort(byName),
    byWorker: [...workers]
      .map(([id, t]) => row(id, names.staff.get(id) ?? '', t))
      .sort((a, b) => b.reached - a.reached || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
