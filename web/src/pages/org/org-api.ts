import { useQuery } from '@tanstack/react-query';
import type {
  OrgTreeNode,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitMove,
  OrgUnitUpdate,
} from '../../../../common/schemas/org';
import type { Webhook, WebhookCreate, WebhookUpdate } from '../../../../common/schemas/notify';
import { apiGet, apiSend } from '../../api';
import { useWrite } from '../../use-write';

const orgKey = ['org'] as const;

export function useOrgTree(includeRetired: boolean) {
  return useQuery({
    queryKey: [...orgKey, 'tree', includeRetired],
    queryFn: async () =>
      (await apiGet<{ tree: OrgTreeNode[] }>('/org/tree', { includeRetired })).tree,
  });
}

/** Every write refreshes the tree; a 409 does too, so the user sees what the other person changed. */
export function useOrgWrites() {
  const write = useWrite({
    send: ({ method, path, body }: { method: 'POST' | 'PATCH'; path: string; body: unknown }) =>
      apiSend<OrgUnit>(method, path, body),
    changes: () => [orgKey],
  });
  const send = (method: 'POST' | 'PATCH', path: string, body: unknown) =>
    write.mutateAsync({ method, path, body });
  return {
    create: (body: OrgUnitCreate) => send('POST', '/org/units', body),
    update: (id: string, body: OrgUnitUpdate) => send('PATCH', `/org/units/${id}`, body),
    move: (id: string, body: OrgUnitMove) => send('POST', `/org/units/${id}/move`, body),
    retire: (unit: OrgUnit) =>
      send('POST', `/org/units/${unit.id}/retire`, { version: unit.version }),
    restore: (unit: OrgUnit) =>
      send('POST', `/org/units/${unit.id}/restore`, { version: unit.version }),
  };
}

const webhooksKey = (unitId: string) => ['webhooks', unitId] as const;

/** 群机器人 of one unit. */
export function useWebhooks(unitId: string) {
  return useQuery({
    queryKey: webhooksKey(unitId),
    queryFn: async () => (await apiGet<{ items: Webhook[] }>('/webhooks', { unitId })).items,
  });
}

/** Each write, and a test message (which records its outcome on the robot), refreshes the list. */
export function useWebhookWrites(unitId: string) {
  const changes = () => [webhooksKey(unitId)];
  const create = useWrite({
    send: (body: WebhookCreate) => apiSend<Webhook>('POST', '/webhooks', body),
    changes,
  });
  const update = useWrite({
    send: ({ id, body }: { id: string; body: WebhookUpdate }) =>
      apiSend<Webhook>('PATCH', `/webhooks/${id}`, body),
    changes,
  });
  const remove = useWrite({
    send: (id: string) => apiSend<unknown>('DELETE', `/webhooks/${id}`),
    changes,
  });
  const test = useWrite({
    send: (id: string) =>
      apiSend<{ ok: boolean; error: string | null }>('POST', `/webhooks/${id}/test`),
    changes,
  });
  return {
    create: create.mutateAsync,
    update: (id: string, body: WebhookUpdate) => update.mutateAsync({ id, body }),
    remove: remove.mutateAsync,
    test: test.mutateAsync,
  };
}
