import sharp from 'sharp';
import { v7 } from 'uuid';
import type {
  Checklist,
  Inspection,
  InspectionCreate,
  Place,
  PlaceCreate,
} from '../../common/schemas/places';
import type { Session } from './app';

type TreeNode = { id: string; name: string; kind: string; children: TreeNode[] };

/** A unit of the demo tree by its name under a named parent (grids share names across communities). */
export async function unitUnder(s: Session, parent: string, name: string): Promise<string> {
  const res = await s.inject({ method: 'GET', url: '/api/org/tree' });
  const find = (nodes: TreeNode[], inside: boolean): string | undefined => {
    for (const n of nodes) {
      if (inside && n.name === name) return n.id;
      const hit = find(n.children, inside || n.name === parent);
      if (hit) return hit;
    }
  };
  const id = find(res.json<{ tree: TreeNode[] }>().tree, false);
  if (!id) throw new Error(`no ${name} under ${parent}`);
  return id;
}

/** Adds a staff account with one role at a unit given by id; returns its id. */
export async function addStaffAt(
  admin: Session,
  opts: { username: string; role: string; unitId: string; displayName?: string },
): Promise<string> {
  const res = await admin.inject({
    method: 'POST',
    url: '/api/staff',
    payload: {
      username: opts.username,
      displayName: opts.displayName ?? opts.username,
      password: 'Linli#Test2026',
      roles: [{ role: opts.role, orgUnitId: opts.unitId }],
    },
  });
  if (res.statusCode !== 201) throw new Error(`staff not created: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}
export const STAFF_PASSWORD = 'Linli#Test2026';

let counter = 0;
/** Registers a place through the API with sensible defaults. */
export async function buildPlace(
  s: Session,
  opts: Partial<PlaceCreate> & { gridId: string },
): Promise<Place> {
  counter += 1;
  const res = await s.inject({
    method: 'POST',
    url: '/api/places',
    payload: {
      name: `测试便利店${counter}`,
      category: 'shop',
      address: `测试路 ${counter} 号`,
      personInCharge: '张店主',
      phone: '13912345678',
      ...opts,
    },
  });
  if (res.statusCode !== 201) throw new Error(`place not created: ${res.statusCode} ${res.body}`);
  return res.json<Place>();
}

export async function checklistByName(s: Session, name: string): Promise<Checklist> {
  const res = await s.inject({ method: 'GET', url: '/api/checklists' });
  const hit = res.json<{ items: Checklist[] }>().items.find((c) => c.name === name);
  if (!hit) throw new Error(`no checklist ${name}: ${res.body.slice(0, 200)}`);
  return hit;
}

export async function startInspection(
  s: Session,
  opts: Partial<InspectionCreate> & { placeId: string; checklistId: string },
): Promise<Inspection> {
  const res = await s.inject({
    method: 'POST',
    url: '/api/inspections',
    payload: { id: v7(), mode: 'routine', at: new Date().toISOString(), ...opts },
  });
  if (res.statusCode !== 201)
    throw new Error(`inspection not created: ${res.statusCode} ${res.body}`);
  return res.json<Inspection>();
}

/** Every item of the inspection passes, except the given ones which fail with a note. */
export function resultsFor(
  inspection: Inspection,
  failed: Record<string, { note?: string; photoIds?: string[] }> = {},
) {
  return inspection.items.map((i) =>
    failed[i.text]
      ? { itemId: i.id, result: 'fail' as const, ...failed[i.text] }
      : { itemId: i.id, result: 'pass' as const },
  );
}

/** A day some days from today in Asia/Shanghai. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function uploadPhoto(s: Session): Promise<string> {
  const photo = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#c33' },
  })
    .jpeg()
    .toBuffer();
  const res = await s.inject({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'image/jpeg' },
    payload: photo,
  });
  if (res.statusCode !== 201) throw new Error(`photo not uploaded: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}
