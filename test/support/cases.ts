import type {
  AssessmentForm,
  CaseCreate,
  CaseDetail,
  CaseStage,
  ClosureForm,
  EvaluationForm,
  PlanForm,
} from '../../common/schemas/cases';
import { unitByName, type Session } from './app';

/** Adds a staff account at a unit found by name, as the given admin; returns its log-in. */
export async function addStaff(
  admin: Session,
  opts: { username: string; displayName: string; role: string; unit: string; password?: string },
): Promise<{ username: string; password: string; id: string }> {
  const unit = await unitByName(admin, opts.unit);
  const password = opts.password ?? 'Linli#Test2026';
  const res = await admin.inject({
    method: 'POST',
    url: '/api/staff',
    payload: {
      username: opts.username,
      displayName: opts.displayName,
      password,
      roles: [{ role: opts.role, orgUnitId: unit.id }],
    },
  });
  if (res.statusCode !== 201) throw new Error(`staff not created: ${res.statusCode} ${res.body}`);
  return { username: opts.username, password, id: res.json<{ id: string }>().id };
}

export async function giveConsent(s: Session, residentId: string): Promise<void> {
  const res = await s.inject({
    method: 'POST',
    url: `/api/residents/${residentId}/consents`,
    payload: { givenBy: 'self', consentDate: '2026-11-01', scope: '个案服务及必要的信息共享' },
  });
  if (res.statusCode !== 201)
    throw new Error(`consent not recorded: ${res.statusCode} ${res.body}`);
}

export const intakeForm = { needAsTold: '身体不好，想找份能做的工作，补贴家用' };
export const assessmentForm: AssessmentForm = {
  domains: {
    health: { rating: 2, needs: '尿毒症，每周透析三次', strengths: '按时治疗' },
    economy: { rating: 1, needs: '低保户，无稳定收入', strengths: '' },
    family: { rating: 3, needs: '', strengths: '妻子支持' },
    educationWork: { rating: 2, needs: '失业', strengths: '会电脑' },
    psychology: { rating: 3, needs: '焦虑', strengths: '' },
    socialSupport: { rating: 3, needs: '', strengths: '邻里关系好' },
    safety: { rating: 4, needs: '', strengths: '' },
  },
  summary: '经济与就业是主要需求',
  overallLevel: 4,
};
export const planForm: PlanForm = {
  goals: [
    { id: 'job', description: '在社区找到一份能兼顾透析的工作', targetDate: '2027-03-01' },
    { id: 'mood', description: '缓解焦虑', targetDate: '2027-03-01' },
  ],
  actions: [
    { description: '链接社区服务点岗位', who: '社工', goalIds: ['job'] },
    { description: '每两周一次心理辅导', who: '社工', goalIds: ['mood'] },
  ],
};
export const evaluationForm: EvaluationForm = {
  goals: [
    { goalId: 'job', result: 'met', evidence: '已在社区服务点上岗' },
    { goalId: 'mood', result: 'partlyMet', evidence: '自评焦虑减轻' },
  ],
};
export const closureForm: ClosureForm = { reason: 'goalReached', summary: '就业稳定，目标达成' };

/** Opens a case through the API (the resident must have consent on record). */
export async function buildCase(
  s: Session,
  opts: { residentId: string } & Partial<CaseCreate>,
): Promise<CaseDetail> {
  const res = await s.inject({
    method: 'POST',
    url: '/api/cases',
    payload: {
      source: 'selfReferred',
      presentingProblem: '因病失业，家庭经济困难',
      riskLevel: 'medium',
      intake: intakeForm,
      ...opts,
    },
  });
  if (res.statusCode !== 201) throw new Error(`case not opened: ${res.statusCode} ${res.body}`);
  return res.json<CaseDetail>();
}

async function step(s: Session, url: string, payload: object, method: 'POST' | 'PUT' = 'POST') {
  const res = await s.inject({ method, url, payload });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<CaseDetail>();
}

/**
 * Walks a case forward through the API, doing each stage's work, until it stands at the given stage:
 * the worker fills the forms and records a call; the supervisor approves the plan.
 */
export async function walkCase(
  worker: Session,
  supervisor: Session,
  c: CaseDetail,
  to: CaseStage,
): Promise<CaseDetail> {
  const url = `/api/cases/${c.id}`;
  const order: CaseStage[] = [
    'intake',
    'assessment',
    'plan',
    'intervention',
    'evaluation',
    'closed',
  ];
  while (order.indexOf(c.stage) < order.indexOf(to)) {
    switch (c.stage) {
      case 'assessment':
        c = await step(
          worker,
          `${url}/forms`,
          { stage: 'assessment', version: c.version, data: assessmentForm },
          'PUT',
        );
        break;
      case 'plan':
        c = await step(
          worker,
          `${url}/forms`,
          { stage: 'plan', version: c.version, data: planForm },
          'PUT',
        );
        c = await step(supervisor, `${url}/review`, {
          version: c.version,
          form: 'plan',
          decision: 'approved',
        });
        break;
      case 'intervention': {
        const rec = await worker.inject({
          method: 'POST',
          url: `${url}/service-records`,
          payload: {
            type: 'phoneCall',
            at: new Date().toISOString(),
            durationMinutes: 20,
            content: '电话回访，了解透析安排',
          },
        });
        if (rec.statusCode !== 201) throw new Error(`record: ${rec.statusCode} ${rec.body}`);
        // The record moved the next contact date on, and so the case's version.
        c = (await worker.inject({ method: 'GET', url })).json<CaseDetail>();
        break;
      }
      case 'evaluation':
        c = await step(
          worker,
          `${url}/forms`,
          { stage: 'evaluation', version: c.version, data: evaluationForm },
          'PUT',
        );
        c = await step(
          worker,
          `${url}/forms`,
          { stage: 'closure', version: c.version, data: closureForm },
          'PUT',
        );
        c = await step(supervisor, `${url}/review`, {
          version: c.version,
          form: 'closure',
          decision: 'approved',
        });
        continue;
    }
    const next = order[order.indexOf(c.stage) + 1];
    c = await step(worker, `${url}/advance`, { version: c.version, to: next });
  }
  return c;
}
