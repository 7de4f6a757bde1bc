import { interpolate } from '../../../common/i18n';
import { zhCN } from '../../../common/i18n/zh-CN';
import type {
  CaseDetail,
  CaseForm,
  PlanForm,
  Referral,
  ServiceRecord,
} from '../../../common/schemas/cases';
import { caseForms } from '../../../common/schemas/cases';
import type { Household, Resident, Sensitive } from '../../../common/schemas/people';
import type { PdfDocument } from '../../lib/pdf';
import { formatShanghai } from '../../lib/time';

// The printed case file (个案档案): what a worker or supervisor files or hands over. Pure layout: the
// documents service gathers the data, masked as the caller may see it, and renders what this returns.

const m = zhCN;
const c = m.cases;
const f = m.cases.fields;
const d = m.cases.document;
const pf = m.people.fields;

export interface CaseFileData {
  detail: CaseDetail;
  /** The client's household as the caller may see it; null when it is outside their scope. */
  household: Household | null;
  /** Oldest first. */
  records: ServiceRecord[];
  referrals: Referral[];
  printedAt: string;
  printedBy: string;
}

const dash = (v: string | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : v;
const day = (iso: string | null) => (iso ? formatShanghai(iso).slice(0, 10) : '—');

/** A sensitive field as the caller may see it: whole, its mask, or that they may not. */
export function sensitiveText(s: Sensitive, kind: 'text' | 'disability' = 'text'): string {
  if (s.value === null)
    return s.masked ? m.people.sensitive.hidden : m.people.sensitive.notRecorded;
  if (kind === 'disability' && !s.masked) {
    const v = JSON.parse(s.value) as {
      category: keyof typeof m.people.disabilityCategories;
      grade: number;
    };
    return `${m.people.disabilityCategories[v.category]} ${interpolate(m.people.grade, { grade: v.grade })}`;
  }
  return s.value;
}

const ageText = (r: Pick<Resident, 'age'>) =>
  r.age === null ? '—' : interpolate(m.people.age, { age: r.age });

const heading = (text: string) => ({ text, style: 'section' });
const subheading = (text: string) => ({ text, style: 'subsection' });

/** Label–value rows, two columns wide. */
function facts(rows: [string, string][]) {
  return {
    table: {
      widths: [96, '*'],
      body: rows.map(([k, v]) => [{ text: k, style: 'label' }, { text: v }]),
    },
    // Thin rules between rows, no column lines (lib/pdf.ts).
    layout: 'ruled',
    margin: [0, 0, 0, 8],
  };
}

function grid(header: string[], rows: string[][], widths: (number | string)[]) {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((h) => ({ text: h, style: 'th' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 0, 0, 8],
  };
}

function caseFacts(detail: CaseDetail): [string, string][] {
  return [
    [
      pf.name,
      `${detail.clientName}${detail.clientAge === null ? '' : `，${interpolate(m.people.age, { age: detail.clientAge })}`}`,
    ],
    [f.pseudonym, detail.pseudonym ?? detail.defaultPseudonym],
    [f.source, c.sources[detail.source]],
    [f.presentingProblem, detail.presentingProblem],
    [f.riskLevel, c.riskLevels[detail.riskLevel]],
    [f.stage, c.stages[detail.stage]],
    [f.status, c.statuses[detail.status]],
    [f.assignedWorker, detail.assignedWorker.displayName],
    [f.openedAt, formatShanghai(detail.openedAt)],
    [f.nextContactDate, dash(detail.nextContactDate)],
  ];
}

function clientFacts(client: Resident, h: Household): [string, string][] {
  return [
    [pf.name, client.name],
    [pf.gender, client.gender ? m.people.genders[client.gender] : '—'],
    [f.age, ageText(client)],
    [pf.ethnicity, dash(client.ethnicity)],
    [pf.address, h.address],
    [pf.idNumber, sensitiveText(client.idNumber)],
    [pf.phone, sensitiveText(client.phone)],
    [pf.healthNotes, sensitiveText(client.healthNotes)],
    [pf.disability, sensitiveText(client.disability, 'disability')],
    [pf.selfCare, client.selfCare ? m.people.selfCare[client.selfCare] : '—'],
    [pf.careTags, client.careTags.map((t) => m.people.careTags[t]).join('、') || '—'],
    [pf.registrationStatus, m.people.registrationStatuses[client.registrationStatus]],
  ];
}

function householdFacts(h: Household): [string, string][] {
  return [
    [pf.housing, h.housing ? m.people.housing[h.housing] : '—'],
    [pf.economicStatus, m.people.economicStatuses[h.economicStatus]],
    [pf.incomeSources, h.incomeSources.map((s) => m.people.incomeSources[s]).join('、') || '—'],
    [pf.notes, dash(h.notes)],
  ];
}

function memberRows(h: Household, clientId: string): string[][] {
  return h.members.map((r) => [
    r.id === clientId ? `${r.name}${d.clientMark}` : r.name,
    m.people.relations[r.relationToHead],
    r.gender ? m.people.genders[r.gender] : '—',
    ageText(r),
    sensitiveText(r.idNumber),
    sensitiveText(r.phone),
    r.careTags.map((t) => m.people.careTags[t]).join('、') || '—',
    m.people.statuses[r.status],
  ]);
}

/** Who filled the form in and when, and the supervisor's review of a plan or closure. */
function formMeta(form: CaseForm): string {
  const filled = `${f.submitted}：${form.submittedBy.displayName} · ${formatShanghai(form.submittedAt)}`;
  if (!form.review) return filled;
  const review = [
    `${f.review}：${c.reviewStatuses[form.review]}`,
    form.reviewedBy?.displayName,
    form.reviewedAt ? formatShanghai(form.reviewedAt) : null,
    form.reviewNote ? `${f.reviewNote}：${form.reviewNote}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return `${filled}\u3000${review}`;
}

function formBody(form: CaseForm, plan: PlanForm | undefined): unknown[] {
  switch (form.stage) {
    case 'intake':
      return [
        facts([
          [f.needAsTold, form.data.needAsTold],
          [f.background, dash(form.data.background)],
          [f.expectations, dash(form.data.expectations)],
        ]),
      ];
    case 'assessment': {
      const domains = form.data.domains;
      return [
        grid(
          [f.domain, f.rating, f.needs, f.strengths],
          (Object.keys(c.domains) as (keyof typeof c.domains)[]).map((k) => [
            c.domains[k],
            interpolate(d.outOf, { value: domains[k].rating, max: 5 }),
            dash(domains[k].needs),
            dash(domains[k].strengths),
          ]),
          [64, 40, '*', '*'],
        ),
        facts([
          [f.summary, form.data.summary],
          [f.overallLevel, interpolate(d.outOf, { value: form.data.overallLevel, max: 6 })],
        ]),
      ];
    }
    case 'plan': {
      const goals = new Map(form.data.goals.map((g) => [g.id, g.description]));
      return [
        grid(
          [f.goals, f.targetDate],
          form.data.goals.map((g) => [g.description, g.targetDate]),
          ['*', 64],
        ),
        grid(
          [f.actions, f.who, f.dueDate],
          form.data.actions.map((a) => [
            a.goalIds?.length
              ? `${a.description}（${a.goalIds.map((id) => goals.get(id) ?? id).join('；')}）`
              : a.description,
            a.who,
            dash(a.dueDate),
          ]),
          ['*', 64, 64],
        ),
      ];
    }
    case 'evaluation': {
      const goals = new Map(plan?.goals.map((g) => [g.id, g.description]));
      return [
        grid(
          [f.goals, f.result, f.evidence],
          form.data.goals.map((g) => [
            goals.get(g.goalId) ?? g.goalId,
            c.goalResults[g.result],
            g.evidence,
          ]),
          ['*', 52, '*'],
        ),
        ...(form.data.summary ? [facts([[f.summary, form.data.summary]])] : []),
      ];
    }
    case 'closure':
      return [
        facts([
          [f.reason, c.closureReasons[form.data.reason]],
          [f.summary, form.data.summary],
        ]),
      ];
  }
}

function stageSections(detail: CaseDetail): unknown[] {
  const cycles = [...new Set(detail.forms.map((x) => x.cycle))].sort((a, b) => a - b);
  const out: unknown[] = [];
  for (const cycle of cycles) {
    const forms = detail.forms
      .filter((x) => x.cycle === cycle)
      .sort((a, b) => caseForms.indexOf(a.stage) - caseForms.indexOf(b.stage));
    const plan = forms.find((x) => x.stage === 'plan')?.data;
    if (cycles.length > 1) out.push(subheading(interpolate(d.cycle, { cycle })));
    for (const form of forms) {
      out.push(subheading(c.forms[form.stage]));
      out.push({ text: formMeta(form), style: 'meta' });
      out.push(...formBody(form, plan));
    }
  }
  return out.length ? out : [{ text: d.none }];
}

function recordRows(records: ServiceRecord[]): string[][] {
  return records.map((r) => [
    formatShanghai(r.at),
    c.recordTypes[r.type],
    interpolate(d.minutes, { count: r.durationMinutes }),
    r.content,
    dash(r.nextFollowUpDate),
    r.worker.displayName,
  ]);
}

function referralRows(referrals: Referral[]): string[][] {
  return referrals.map((r) => [
    `${r.resource.name}（${c.resourceCategories[r.resource.category]}）`,
    r.resource.provider,
    c.referralStatuses[r.status],
    day(r.requestedAt),
    dash(r.outcome),
  ]);
}

function closureFacts(detail: CaseDetail): [string, string][] {
  if (detail.status !== 'closed')
    return [[f.status, `${c.statuses.open}（${c.stages[detail.stage]}）`]];
  return [
    [f.closedAt, detail.closedAt ? formatShanghai(detail.closedAt) : '—'],
    [f.reason, detail.closureReason ? c.closureReasons[detail.closureReason] : '—'],
  ];
}

export function caseFileDocument(data: CaseFileData): PdfDocument {
  const { detail, household } = data;
  const client = household?.members.find((r) => r.id === detail.residentId);
  return {
    info: {
      title: `${d.caseFile} ${detail.clientName}`,
      author: 'Linli 邻里',
      subject: d.caseFile,
    },
    // d.page's {{page}} and {{pages}} are filled in on each page (lib/pdf.ts).
    footer: {
      columns: [{ text: d.confidential }, { text: d.page, alignment: 'right' }],
      margin: [56, 24, 56, 0],
      fontSize: 8,
      color: '#666666',
    },
    content: [
      { text: `Linli 邻里 · ${detail.stationName}`, style: 'brand' },
      { text: d.caseFile, style: 'title' },
      {
        text: `${interpolate(d.printedAt, { time: formatShanghai(data.printedAt) })}\u3000${interpolate(d.printedBy, { name: data.printedBy })}`,
        style: 'meta',
      },
      heading(d.caseInfo),
      facts(caseFacts(detail)),
      heading(d.client),
      ...(household && client
        ? [
            facts(clientFacts(client, household)),
            subheading(d.householdFacts),
            facts(householdFacts(household)),
            subheading(d.members),
            grid(
              [
                pf.name,
                pf.relationToHead,
                pf.gender,
                f.age,
                pf.idNumber,
                pf.phone,
                pf.careTags,
                pf.status,
              ],
              memberRows(household, detail.residentId),
              [58, 40, 22, 30, 92, 60, '*', 28],
            ),
          ]
        : [{ text: d.notVisible, style: 'meta' }]),
      heading(d.stages),
      ...stageSections(detail),
      heading(`${d.records}（${interpolate(d.recordCount, { count: data.records.length })}）`),
      data.records.length
        ? grid(
            [f.recordAt, f.recordType, f.duration, f.content, f.nextFollowUp, f.worker],
            recordRows(data.records),
            [58, 44, 40, '*', 56, 44],
          )
        : { text: d.none },
      heading(d.referrals),
      data.referrals.length
        ? grid(
            [f.resource, f.provider, f.referralStatus, f.requestedAt, f.outcome],
            referralRows(data.referrals),
            ['*', 72, 40, 56, '*'],
          )
        : { text: d.none },
      heading(d.closure),
      facts(closureFacts(detail)),
    ],
    styles: {
      brand: { fontSize: 9, color: '#666666' },
      title: { fontSize: 18, bold: true, margin: [0, 2, 0, 2] },
      meta: { fontSize: 9, color: '#555555', margin: [0, 0, 0, 4] },
      section: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      subsection: { fontSize: 11, bold: true, margin: [0, 6, 0, 2] },
      label: { color: '#444444' },
      th: { bold: true },
    },
  };
}
