import { useCallback } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { importMessages, type ImportMessageKey } from '../../../../common/i18n/imports';
import type {
  Import,
  ImportKind,
  ImportMappingInput,
  ImportStatus,
} from '../../../../common/schemas/imports';
import { apiGet, apiSend } from '../../api';
import { useWrite } from '../../use-write';

export const importsKey = ['imports'] as const;

/** What the server is still working on: the dialog polls while it is. */
export const isWorking = (status: ImportStatus) => status === 'checking' || status === 'committing';
/** An import the user may come back to. */
export const isUnfinished = (status: ImportStatus) =>
  status === 'mapping' || status === 'checking' || status === 'checked' || status === 'committing';

/** One import, polled about once a second while it is being checked or committed. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...importsKey, id],
    queryFn: () => apiGet<Import>(`/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && isWorking(status) ? 1000 : false;
    },
  });
}

/** The caller's recent imports of one register, newest first. */
export function useImports(kind: ImportKind, enabled: boolean) {
  return useQuery({
    queryKey: [...importsKey, 'list'],
    queryFn: () => apiGet<Import[]>('/imports'),
    enabled,
    select: (list) => list.filter((i) => i.kind === kind),
  });
}

const contentType = (file: File) => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xls')) return 'application/vnd.ms-excel';
  return file.type || 'application/octet-stream';
};

/** The calls that change an import; each puts the answer in the cache the dialog reads. */
export function useImportWrites() {
  const list = [...importsKey, 'list'];
  const onAnswer = (imp: Import, _: unknown, client: QueryClient) =>
    client.setQueryData([...importsKey, imp.id], imp);
  type Step = { id: string; method: 'PUT' | 'POST'; path: string; body?: unknown };
  const upload = useWrite({
    send: ({ kind, file }: { kind: ImportKind; file: File }) =>
      apiSend<Import>(
        'POST',
        '/imports',
        { file, type: contentType(file), name: file.name },
        { kind },
      ),
    changes: () => [list],
    onAnswer,
  });
  const step = useWrite({
    send: ({ id, method, path, body }: Step) =>
      apiSend<Import>(method, `/imports/${id}${path}`, body),
    changes: ({ id }, imp) => (imp ? [list] : [[...importsKey, id]]),
    onAnswer,
  });
  const cancel = useWrite({
    send: async (id: string) => {
      try {
        await apiSend<unknown>('DELETE', `/imports/${id}`);
      } catch (error) {
        // An answer without a body (204) is the import gone as asked.
        if (!(error instanceof SyntaxError)) throw error;
      }
    },
    changes: () => [list],
    onAnswer: (_, id, client) => client.removeQueries({ queryKey: [...importsKey, id] }),
  });
  return {
    upload: (kind: ImportKind, file: File) => upload.mutateAsync({ kind, file }),
    confirmMapping: (id: string, mapping: ImportMappingInput) =>
      step.mutateAsync({ id, method: 'PUT', path: '/mapping', body: mapping }),
    commit: (id: string) => step.mutateAsync({ id, method: 'POST', path: '/commit' }),
    cancel: (id: string) => cancel.mutateAsync(id),
  };
}

/** The import dialog's words in the current language. */
export function useImportText() {
  const { i18n } = useTranslation();
  const messages = importMessages[i18n.language === 'en-US' ? 'en-US' : 'zh-CN'];
  return useCallback(
    (key: ImportMessageKey, values: Record<string, string | number> = {}) =>
      messages[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? '')),
    [messages],
  );
}
export type ImportText = ReturnType<typeof useImportText>;
