import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SensitiveField } from './people-api';

type Key = `${string}:${SensitiveField}`;

interface Revealed {
  get: (residentId: string, field: SensitiveField) => string | null | undefined;
  set: (residentId: string, field: SensitiveField, value: string | null) => void;
}

const RevealedContext = createContext<Revealed>({ get: () => undefined, set: () => undefined });

/**
 * Whole values opened with a reason, kept for as long as the page is open (never stored), so that
 * the member's edit form can start from them instead of from the mask.
 */
export function RevealedProvider({ children }: { children: ReactNode }) {
  const [values, setValues] = useState<Map<Key, string | null>>(new Map());
  const get = useCallback(
    (residentId: string, field: SensitiveField) => values.get(`${residentId}:${field}`),
    [values],
  );
  const set = useCallback(
    (residentId: string, field: SensitiveField, value: string | null) =>
      setValues((prev) => new Map(prev).set(`${residentId}:${field}`, value)),
    [],
  );
  const value = useMemo(() => ({ get, set }), [get, set]);
  return <RevealedContext.Provider value={value}>{children}</RevealedContext.Provider>;
}

export const useRevealed = () => useContext(RevealedContext);
