import { describe, expect, it } from 'vitest';
import { covers, scopePaths, type Caller } from './caller';

const caller = (assignments: Caller['assignments']): Caller => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  ip: '127.0.0.1',
  assignments,
  sessionId: 's',
  csrfToken: 'c',
  totpEnabled: false,
});

describe('data scope', () => {
  const c = caller([
    {
      role: 'socialWorker',
      orgUnitId: 'st',
      path: '/d/s1/st/',
      area: { kind: 'street', id: 's1', path: '/d/s1/' },
    },
    {
      role: 'viewer',
      orgUnitId: 's1',
      path: '/d/s1/',
      area: { kind: 'street', id: 's1', path: '/d/s1/' },
    },
    {
      role: 'gridWorker',
      orgUnitId: 'g',
      path: '/d/s2/c/g/',
      area: { kind: 'grid', id: 'g', path: '/d/s2/c/g/' },
    },
  ]);

  it('is the subtree of each assignment, a root inside another counted once', () => {
    expect(scopePaths(c).sort()).toEqual(['/d/s1/', '/d/s2/c/g/']);
    expect(scopePaths(c, ['socialWorker'])).toEqual(['/d/s1/st/']);
  });

  it('covers a unit below an assignment and nothing beside or above it', () => {
    expect(covers(c, '/d/s2/c/g/')).toBe(true);
    expect(covers(c, '/d/s2/c/g2/')).toBe(false);
    expect(covers(c, '/d/s2/c/')).toBe(false);
    expect(covers(c, '/d/s1/st/x/', ['socialWorker'])).toBe(true);
    expect(covers(c, '/d/s1/other/', ['socialWorker'])).toBe(false);
    expect(covers(caller([]), '/d/')).toBe(false);
  });
});
