import { z } from 'zod';
import { wordedAs } from '../validation';
import { orgUnitKinds } from '../roles';
import { zId, zTimestamp, zVersion } from './common';

export const zOrgUnitKind = z.enum(orgUnitKinds);

export const zOrgUnit = z.object({
  id: zId,
  parentId: zId.nullable(),
  kind: zOrgUnitKind,
  name: z.string(),
  code: z.string().nullable(),
  path: z.string().describe('materialised path of ids: /root/…/self/'),
  status: z.enum(['active', 'retired']),
  version: z.number().int(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type OrgUnit = z.infer<typeof zOrgUnit>;

export type OrgTreeNode = OrgUnit & { children: OrgTreeNode[] };
// A recursive schema can only be written out once, under a name its children refer to: the id
// makes it a component of the API document.
export const zOrgTreeNode: z.ZodType<OrgTreeNode> = zOrgUnit
  .extend({
    get children() {
      return z.array(zOrgTreeNode);
    },
  })
  .meta({ id: 'OrgTreeNode' });

export const zOrgTree = z.object({ tree: z.array(zOrgTreeNode) });
export const zOrgTreeQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

const zName = z.string().trim().min(1).max(60);
const zCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,20}$/, wordedAs('unitCode'));

export const zOrgUnitCreate = z.object({
  id: zId.optional(),
  parentId: zId,
  kind: zOrgUnitKind.exclude(['district']),
  name: zName,
  code: zCode.optional().describe('grid, community and street codes are assigned when left out'),
});
export type OrgUnitCreate = z.infer<typeof zOrgUnitCreate>;

export const zOrgUnitUpdate = z.object({
  version: zVersion,
  name: zName.optional(),
  code: zCode.optional(),
});
export type OrgUnitUpdate = z.infer<typeof zOrgUnitUpdate>;

export const zOrgUnitMove = z.object({ version: zVersion, parentId: zId });
export type OrgUnitMove = z.infer<typeof zOrgUnitMove>;
