import type { IssueDetail, IssueReport } from '../../common/schemas/issues';
import { unitByName, type Session } from './app';

/** The id of a grid, found by its community's name and its own, as the caller sees the tree. */
export async function gridIdOf(s: Session, community: string, grid = '第一网格'): Promise<string> {
  const parent = await unitByName(s, community);
  const tree = await s.inject({ method: 'GET', url: '/api/org/tree' });
  type N = { id: string; name: string; parentId: string | null; children: N[] };
  const all: N[] = [];
  const walk = (ns: N[]) => ns.forEach((n) => (all.push(n), walk(n.children)));
  walk(tree.json<{ tree: N[] }>().tree);
  const hit = all.find((n) => n.parentId === parent.id && n.name === grid);
  if (!hit) throw new Error(`no grid ${grid} under ${community}`);
  return hit.id;
}

/** Reports an issue through the API; answers it as the reporter sees it. */
export async function buildIssue(
  s: Session,
  report: Partial<IssueReport> & { gridId?: string },
): Promise<IssueDetail> {
  const res = await s.inject({
    method: 'POST',
    url: '/api/issues',
    payload: {
      source: 'patrol',
      category: 'environmentSanitation',
      description: '3号楼楼道堆放杂物，堵塞消防通道',
      location: { text: '御河九号小区3号楼2单元楼道' },
      ...report,
    },
  });
  if (res.statusCode !== 201) throw new Error(`issue not reported: ${res.statusCode} ${res.body}`);
  return res.json<IssueDetail>();
}

/** Sends one command of the flow and expects it to be taken. */
export async function issueStep(
  s: Session,
  issue: { id: string; version: number },
  command: Record<string, unknown> & { action: string },
): Promise<IssueDetail> {
  const res = await s.inject({
    method: 'POST',
    url: `/api/issues/${issue.id}/steps`,
    payload: { version: issue.version, ...command },
  });
  if (res.statusCode !== 200)
    throw new Error(`${command.action} refused: ${res.statusCode} ${res.body}`);
  return res.json<IssueDetail>();
}
