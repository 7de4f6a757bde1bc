import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
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

const surveysKey = ['surveys'] as const;
const surveyKey = (id: string) => [...surveysKey, 'one', id] as const;

export type SurveyListQuery = {
  status?: SurveyStatus;
  q?: string;
  answerable?: 'true';
  page: number;
  pageSize: number;
};

export function useSurveyPage(query: SurveyListQuery) {
  return useQuery({
    queryKey: [...surveysKey, 'list', query],
    queryFn: () =>
      apiGet<{ items: Survey[]; total: number; page: number; pageSize: number }>('/surveys', query),
    placeholderData: keepPreviousData,
  });
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

/** Every write refreshes the surveys (list, detail, results). */
export function useSurveyWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: surveysKey });
  return {
    async create(body: SurveyCreate) {
      const survey = await apiSend<SurveyDetail>('POST', '/surveys', body);
      await refresh();
      return survey;
    },
    async update(id: string, body: SurveyUpdate) {
      const survey = await apiSend<SurveyDetail>('PUT', `/surveys/${id}`, body);
      await refresh();
      return survey;
    },
    async publish(id: string, version: number) {
      const survey = await apiSend<SurveyDetail>('POST', `/surveys/${id}/publish`, { version });
      await refresh();
      return survey;
    },
    async close(id: string, version: number) {
      const survey = await apiSend<SurveyDetail>('POST', `/surveys/${id}/close`, { version });
      await refresh();
      return survey;
    },
    async answer(body: SurveyAnswerInput) {
      const r = await apiSend<{ id: string; created: boolean }>('POST', '/survey-answers', body);
      await refresh();
      return r;
    },
  };
}
