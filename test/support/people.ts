import { idCheckDigit } from '../../common/people';
import type { Household, HouseholdCreate } from '../../common/schemas/people';
import { unitByName, type Session } from './app';

let serial = 100;
/** A valid (check digit included) ID number of a fictional person born on the given day in 平城区. */
export function fakeIdNumber(birth = '1986-05-12', female = false): string {
  serial = (serial + 1) % 1000;
  const seq = String(serial).padStart(2, '0').slice(-2) + String(female ? 2 : 1);
  const first17 = `140213${birth.replaceAll('-', '')}${seq}`;
  return first17 + idCheckDigit(first17);
}

/** Registers a household through the API as the given worker, at a grid found by community name. */
export async function buildHousehold(
  s: Session,
  opts: {
    community: string;
    grid?: string;
    head?: Partial<HouseholdCreate['head']>;
    room?: string;
  } & Partial<Omit<HouseholdCreate, 'head'>>,
): Promise<Household> {
  const community = await unitByName(s, opts.community);
  const tree = await s.inject({ method: 'GET', url: '/api/org/tree' });
  const gridName = opts.grid ?? '第一网格';
  type N = { id: string; name: string; parentId: string | null; children: N[] };
  const all: N[] = [];
  const walk = (ns: N[]) => ns.forEach((n) => (all.push(n), walk(n.children)));
  walk(tree.json<{ tree: N[] }>().tree);
  const grid = all.find((n) => n.parentId === community.id && n.name === gridName)!;
  const { head, room, ...fields } = opts;
  const rest = { ...fields, community: undefined, grid: undefined };
  const res = await s.inject({
    method: 'POST',
    url: '/api/households',
    payload: {
      gridId: grid.id,
      building: '3',
      unitNo: '2',
      room: room ?? String(100 + (serial % 900)),
      ...rest,
      head: { name: '王鹏', ...head },
    },
  });
  if (res.statusCode !== 201)
    throw new Error(`household not created: ${res.statusCode} ${res.body}`);
  return res.json<Household>();
}
