import { interpolate } from '../../../common/i18n';
import { zhCN } from '../../../common/i18n/zh-CN';
import type { CareTag } from '../../../common/people';
import type {
  CaseDetail,
  CaseForm,
  PlanForm,
  Referral,
  ServiceRecord,
  ServiceRecordType,
} from '../../../common/schemas/cases';
import type { PdfDocument } from '../../lib/pdf';
import { formatShanghai } from '../../lib/time';
import { scrubText, type Redaction } from './redaction';

// The publication summary: the case told the way the newspaper page tells it — under a pseudonym, with
// the family by pseudonym and relation, ages in years, and nothing that would find them. Pure: the
// documents service passes the facts and the redaction; every line built here goes through scrubText.

const m = zhCN;
const c = m.cases;
const d = m.cases.document;

export interface PublicationPerson {
  id: string;
  pseudonym: string;
  relationToHead: keyof typeof m.people.relations;
  gender: keyof typeof m.people.genders | null;
  age: number | null;
  status: keyof typeof m.people.statuses;
}

export interface PublicationInput {
  detail: CaseDetail;
  client: PublicationPerson & { careTags: CareTag[] };
  /** The rest of the household. */
  family: PublicationPerson[];
  /** Oldest first. */
  records: ServiceRecord[];
  referrals: Referral[];
  redaction: Redaction;
}

export interface PublicationSummaryDoc {
  pseudonym: string;
  title: string;
  byline: string;
  blocks: { heading: string; paragraphs: string[] }[];
  note: string;
}

const day = (iso: string) => formatShanghai(iso).slice(0, 10);
/** Free text ends a sentence where the worker left it open. */
const sentence = (s: string) => (/[。！？；…”」.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);
const formOf = <S extends CaseForm['stage']>(detail: CaseDetail, stage: S) =>
  detail.forms
    .filter((x): x is Extract<CaseForm, { stage: S }> => x.stage === stage)
    .sort((a, b) => b.cycle - a.cycle)[0];

function personLine(p: PublicationPerson): string {
  const notes = [
    m.people.relations[p.relationToHead],
    p.gender ? m.people.genders[p.gender] : null,
    p.age === null ? null : interpolate(m.people.age, { age: p.age }),
    p.status === 'deceased' ? d.deceased : p.status === 'movedAway' ? d.movedAway : null,
  ].filter(Boolean);
  return `${p.pseudonym}（${notes.join('，')}）`;
}

function storyParagraphs(input: PublicationInput): string[] {
  const { detail, client, family } = input;
  const about = [
    interpolate(d.pseudonymOf, { name: client.pseudonym }),
    client.gender ? m.people.genders[client.gender] : null,
    client.age === null ? null : interpolate(m.people.age, { age: client.age }),
  ].filter(Boolean);
  const lines = [`${about.join('，')}。`];
  if (client.careTags.length)
    lines.push(
      `${m.people.fields.careTags}：${client.careTags.map((t) => m.people.careTags[t]).join('、')}。`,
    );
  if (family.length) {
    let line = interpolate(d.familyLine, { members: family.map(personLine).join('、') });
    if (client.relationToHead !== 'self')
      line += `；${interpolate(d.relationToHead, { name: client.pseudonym, relation: m.people.relations[client.relationToHead] })}`;
    lines.push(`${line}。`);
  }
  lines.push(
    `${c.fields.source}：${c.sources[detail.source]}。${c.fields.presentingProblem}：${sentence(detail.presentingProblem)}`,
  );
  const intake = formOf(detail, 'intake');
  if (intake) {
    lines.push(`${c.fields.needAsTold}：${sentence(intake.data.needAsTold)}`);
    if (intake.data.background)
      lines.push(`${c.fields.background}：${sentence(intake.data.background)}`);
  }
  const assessment = formOf(detail, 'assessment');
  if (assessment) lines.push(`${c.forms.assessment}：${sentence(assessment.data.summary)}`);
  return lines;
}

function processParagraphs(input: PublicationInput): string[] {
  const { detail, records, referrals } = input;
  const lines: string[] = [];
  const plan = formOf(detail, 'plan');
  if (plan)
    lines.push(
      `${c.fields.goals}：${plan.data.goals.map((g, i) => `${i + 1}. ${g.description}`).join('；')}。`,
    );
  if (records.length) {
    const byType = new Map<ServiceRecordType, number>();
    for (const r of records) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    const kinds = [...byType]
      .map(([t, count]) => interpolate(d.times, { label: c.recordTypes[t], count }))
      .join('、');
    lines.push(
      interpolate(d.serviceSpan, {
        from: day(records[0].at),
        to: day(records[records.length - 1].at),
        count: records.length,
        kinds,
      }),
    );
    for (const r of records)
      lines.push(`${day(r.at)}\u3000${c.recordTypes[r.type]}：${sentence(r.content)}`);
  }
  for (const r of referrals)
    lines.push(
      `${c.recordTypes.resourceLinking}：${r.resource.name}（${c.resourceCategories[r.resource.category]}，${r.resource.provider}）— ${c.referralStatuses[r.status]}${r.outcome ? `：${r.outcome}` : ''}。`,
    );
  return lines;
}

function resultParagraphs(input: PublicationInput): string[] {
  const { detail } = input;
  const lines: string[] = [];
  const plan = formOf(detail, 'plan')?.data as PlanForm | undefined;
  const goals = new Map(plan?.goals.map((g) => [g.id, g.description]));
  const evaluation = formOf(detail, 'evaluation');
  if (evaluation) {
    for (const g of evaluation.data.goals)
      lines.push(
        `「${goals.get(g.goalId) ?? g.goalId}」${c.goalResults[g.result]}：${sentence(g.evidence)}`,
      );
    if (evaluation.data.summary) lines.push(sentence(evaluation.data.summary));
  }
  const closure = detail.status === 'closed' ? formOf(detail, 'closure') : undefined;
  if (closure)
    lines.push(
      `${c.stages.closed}：${c.closureReasons[closure.data.reason]}。${closure.data.summary}`,
    );
  else lines.push(interpolate(d.currentStage, { stage: c.stages[detail.stage] }));
  return lines;
}

/** The summary, every line scrubbed of the names, numbers, addresses and birth dates in the redaction. */
export function buildPublication(input: PublicationInput): PublicationSummaryDoc {
  const scrub = (s: string) => scrubText(s, input.redaction);
  const blocks = [
    { heading: d.story, paragraphs: storyParagraphs(input) },
    { heading: d.process, paragraphs: processParagraphs(input) },
    { heading: d.results, paragraphs: resultParagraphs(input) },
  ].filter((b) => b.paragraphs.length);
  return {
    pseudonym: input.client.pseudonym,
    title: d.publication,
    byline: scrub(
      `${input.detail.stationName} · ${c.fields.worker} ${input.detail.assignedWorker.displayName}`,
    ),
    blocks: blocks.map((b) => ({ heading: b.heading, paragraphs: b.paragraphs.map(scrub) })),
    note: d.publicationNote,
  };
}

export function publicationText(s: PublicationSummaryDoc): string {
  return [
    s.title,
    s.byline,
    ...s.blocks.map((b) => `【${b.heading}】\n${b.paragraphs.join('\n')}`),
    s.note,
  ].join('\n\n');
}

export function publicationDocument(s: PublicationSummaryDoc): PdfDocument {
  return {
    info: { title: `${s.title} ${s.pseudonym}`, author: 'Linli 邻里', subject: s.title },
    // d.page's {{page}} and {{pages}} are filled in on each page (lib/pdf.ts).
    footer: {
      text: d.page,
      alignment: 'right',
      margin: [56, 24, 56, 0],
      fontSize: 8,
      color: '#666666',
    },
    content: [
      { text: s.title, style: 'title' },
      { text: s.byline, style: 'meta' },
      ...s.blocks.flatMap((b) => [
        { text: b.heading, style: 'section' },
        ...b.paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 4] })),
      ]),
      { text: s.note, style: 'note' },
    ],
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      meta: { fontSize: 9, color: '#555555', margin: [0, 0, 0, 8] },
      section: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      note: { fontSize: 8, color: '#666666', margin: [0, 16, 0, 0] },
    },
  };
}
