import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Survey,
  SurveyAnswerInput,
  SurveyCreate,
  SurveyDetail,
  SurveyResults,
  SurveyStatus,
  SurveyUpdate,
  SurveyVersion,
} from '../../../../common/schemas/surveys';
import { apiGet, apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const surveysKey = ['surveys'] as const;
const surveyKey = (id: string) => [...surveysKey, 'one', id] as const;

export type SurveyListQuery = {
  status?: SurveyStatus;
  q?: string;
  answerable?: 'true';
  page: number;
  pageSize: number;
};

export function useSurveyList(query: SurveyListQuery) {
  return usePagedRegister<Survey>([...surveysKey, 'list'], '/surveys', query);
}

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKey(id ?? ''),
    queryFn: () => apiGet<SurveyDetail>(`/surveys/${id}`),
    enabled: !!id,
  });
}

/** A published version, as frozen; by default the survey's current one. */
export function useSurveyVersion(surveyId: string | undefined, versionId: string | undefined) {
  return useQuery({
    queryKey: [...surveysKey, 'version', surveyId, versionId],
    queryFn: () => apiGet<SurveyVersion>(`/surveys/${surveyId}/versions/${versionId}`),
    enabled: !!surveyId && !!versionId,
    staleTime: Infinity,
  });
}

export function useSurveyResults(id: string | undefined, versionId: string | undefined) {
  return useQuery({
    queryKey: [...surveysKey, 'results', id, versionId],
    queryFn: () => apiGet<SurveyResults>(`/surveys/${id}/results`, { versionId }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

type Write = { method: 'POST' | 'PUT'; path: string; body: unknown };

/** Every write refreshes the surveys (list, detail, results); a 409 too. */
export function useSurveyWrites() {
  const write = useWrite({
    send: ({ method, path, body }: Write) => apiSend<unknown>(method, path, body),
    changes: () => [surveysKey],
  });
  const send = <T>(method: Write['method'], path: string, body: unknown) =>
    write.mutateAsync({ method, path, body }) as Promise<T>;
  return {
    create: (body: SurveyCreate) => send<SurveyDetail>('POST', '/surveys', body),
    update: (id: string, body: SurveyUpdate) => send<SurveyDetail>('PUT', `/surveys/${id}`, body),
    publish: (id: string, version: number) =>
      send<SurveyDetail>('POST', `/surveys/${id}/publish`, { version }),
    close: (id: string, version: number) =>
      send<SurveyDetail>('POST', `/surveys/${id}/close`, { version }),
    answer: (body: SurveyAnswerInput) =>
      send<{ id: string; created: boolean }>('POST', '/survey-answers', body),
  };
}
