import { demoPassword } from './browser';

/** The API as one logged-in user, over real HTTP. */
export interface Api {
  /** a call that must succeed: its JSON reply, or an error naming the route, status and reply */
  <T = unknown>(method: string, route: string, body?: object): Promise<T>;
  /** the reply as it comes, for a call the journey expects refused */
  reply(method: string, route: string, body?: object): Promise<Response>;
}

/**
 * Logs a user in through the API, as the web app does: the session cookie on every call, the CSRF
 * token on writes, the replies' words in Chinese. For what a journey needs in place before the user
 * walks it, or checks behind the screen.
 */
export async function apiAs(url: string, username: string, password = demoPassword): Promise<Api> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`log-in of ${username} failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const reply = (method: string, route: string, body?: object) =>
    fetch(`${url}${route}`, {
      method,
      headers: {
        cookie,
        'accept-language': 'zh-CN',
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const call = async <T>(method: string, route: string, body?: object): Promise<T> => {
    const res = await reply(method, route, body);
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return Object.assign(call, { reply });
}

/** A unit of the org tree as /api/org/tree gives it. */
export interface OrgNode {
  id: string;
  name: string;
  kind: string;
  children: OrgNode[];
}

/** The caller's org tree. */
export async function orgTree(api: Api): Promise<OrgNode[]> {
  return (await api<{ tree: OrgNode[] }>('GET', '/api/org/tree')).tree;
}

/** The first unit of that name, searched depth-first; a journey's set-up fails without it. */
export function findUnit(nodes: OrgNode[], name: string): OrgNode {
  const walk = (list: OrgNode[]): OrgNode | undefined => {
    for (const node of list) {
      if (node.name === name) return node;
      const hit = walk(node.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = walk(nodes);
  if (!hit) throw new Error(`${name} is not in the demo tree`);
  return hit;
}
