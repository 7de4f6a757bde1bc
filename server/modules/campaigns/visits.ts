import type {
  CampaignHousehold,
  CampaignHouseholdDetail,
  CampaignHouseholdQuery,
  CampaignHouseholds,
  Visit,
  VisitCreate,
} from '../../../common/schemas/campaigns';
import { zVisitCreate } from '../../../common/schemas/campaigns';
import type { Db } from '../../db';
import type { CampaignRow, CampaignTargetRow, CampaignVisitRow } from '../../db/schema';
import { AppError, forbidden } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { addMinutes, nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { attachFiles, filesOf } from '../files/service';
import { mayReadIssue } from '../issues/service';
import { reportIssue } from '../issues/report';
import { findDoorHouseholds, type DoorHousehold } from '../people/service';
import { householdHasAnswered, recordSurveyAnswer } from '../surveys/service';
import { latestVisits } from './coverage';
import { unitNames } from '../org/service';
import { staffDisplayNames } from '../auth/staff-service';
import * as repo from './repo';
import { campaignHouseholds, mayVisitAt, readableCampaign, seesAt, type Ctx } from './service';

/** Photos of a campaign visit are files with this entity. */
export const CAMPAIGN_VISIT_FILES = 'campaignVisit';
/** How far ahead of the server's clock a phone's clock may run. */
const CLOCK_SKEW_MINUTES = 5;

const numeric = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

function presentVisit(
  v: CampaignVisitRow,
  staff: Map<string, string>,
  photos: Map<string, { id: string; url: string; thumbUrl: string | null }[]>,
): Visit {
  return {
    id: v.id,
    campaignId: v.campaign_id,
    householdId: v.household_id,
    outcome: v.outcome,
    note: v.note,
    at: v.at,
    worker: { id: v.worker_id, name: staff.get(v.worker_id) ?? '' },
    surveyAnswerId: v.survey_answer_id,
    issueId: v.issue_id,
    photos: (photos.get(v.id) ?? []).map((p) => ({ id: p.id, url: p.url, thumbUrl: p.thumbUrl })),
  };
}

/** The households with their latest outcome, in address order. */
async function householdRows(
  db: Db,
  households: DoorHousehold[],
  visits: CampaignVisitRow[],
): Promise<CampaignHousehold[]> {
  const latest = latestVisits(visits);
  const units = await unitNames(db, [...households.flatMap((h) => [h.gridId, h.communityId])]);
  const staff = await staffDisplayNames(
    db,
    [...latest.values()].map((l) => l.last.worker_id),
  );
  return households
    .map((h) => {
      const l = latest.get(h.id);
      return {
        householdId: h.id,
        address: h.address,
        headName: h.headName,
        gridId: h.gridId,
        gridName: units.get(h.gridId) ?? '',
        communityName: units.get(h.communityId) ?? '',
        outcome: l?.last.outcome ?? null,
        visits: l?.count ?? 0,
        lastVisitAt: l?.last.at ?? null,
        lastWorker: l ? (staff.get(l.last.worker_id) ?? '') : null,
      };
    })
    .sort(
      (a, b) =>
        numeric(a.communityName, b.communityName) ||
        a.gridId.localeCompare(b.gridId) ||
        numeric(a.address, b.address),
    );
}

/**
 * A campaign's households the caller may see, with their latest outcome: all of them for those who
 * see the campaign's whole area, only those of their own area for a grid worker or community staff
 * of a targeted unit (and with mine=true, only those the caller may visit).
 */
export async function listCampaignHouseholds(
  opts: Ctx & { id: string; query: CampaignHouseholdQuery },
): Promise<CampaignHouseholds> {
  const { db, caller, query } = opts;
  const { campaign, targets } = await readableCampaign(db, caller, opts.id);
  const visible = (await campaignHouseholds(db, targets)).filter(
    (h) =>
      (query.mine !== 'true' || mayVisitAt(caller, h.orgPath)) &&
      (!query.gridId || h.gridId === query.gridId) &&
      seesAt(caller, campaign, h.orgPath),
  );
  const visits = await repo.findVisits(db, campaign.id);
  const rows = await householdRows(db, visible, visits);
  const counts = { all: rows.length, pending: 0, delivered: 0, notHome: 0, refused: 0 };
  for (const r of rows) counts[r.outcome ?? 'pending']++;
  const items = query.filter ? rows.filter((r) => (r.outcome ?? 'pending') === query.filter) : rows;
  return { items, counts };
}

/** A household of the campaign the caller may see; others do not exist for them. */
async function campaignHousehold(
  db: Db,
  caller: Caller,
  campaign: CampaignRow,
  targets: CampaignTargetRow[],
  householdId: string,
): Promise<DoorHousehold> {
  const [h] = await findDoorHouseholds(db, { ids: [householdId] });
  const targeted = h && targets.some((t) => t.unit_id === h.gridId || t.unit_id === h.communityId);
  if (!h || !targeted || !seesAt(caller, campaign, h.orgPath))
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'householdId' });
  return h;
}

export async function getCampaignHousehold(
  opts: Ctx & { id: string; householdId: string },
): Promise<CampaignHouseholdDetail> {
  const { db, caller } = opts;
  const { campaign, targets } = await readableCampaign(db, caller, opts.id);
  const h = await campaignHousehold(db, caller, campaign, targets, opts.householdId);
  const visits = await repo.findVisits(db, campaign.id, h.id);
  const [row] = await householdRows(db, [h], visits);
  const staff = await staffDisplayNames(
    db,
    visits.map((v) => v.worker_id),
  );
  const photos = await filesOf(
    db,
    CAMPAIGN_VISIT_FILES,
    visits.map((v) => v.id),
  );
  return {
    ...row,
    visitsList: visits.map((v) => presentVisit(v, staff, photos)).reverse(),
    canVisit:
      campaign.status === 'active' && mayVisitAt(caller, h.orgPath) && row.outcome !== 'delivered',
    surveyAnswered: campaign.survey_id
      ? await householdHasAnswered(db, campaign.survey_id, h.id)
      : false,
  };
}

async function presentOne(db: Db, id: string): Promise<Visit> {
  const v = (await repo.getVisit(db, id))!;
  return presentVisit(
    v,
    await staffDisplayNames(db, [v.worker_id]),
    await filesOf(db, CAMPAIGN_VISIT_FILES, [v.id]),
  );
}

/**
 * Records a visit to a household of the campaign: the outcome, a note and photos; when the materials
 * were delivered, the questionnaire's answer; and a problem seen at the door as an issue. All of it in
 * one transaction: an invalid answer or issue leaves no visit behind. A resend of the same id answers
 * the visit already made. A household reached (delivered) is not visited again.
 */
export async function recordVisit(
  opts: Ctx & { id: string; input: VisitCreate },
): Promise<{ visit: Visit; created: boolean }> {
  const { caller } = opts;
  const input = zVisitCreate.parse(opts.input);
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getVisit(db, input.id);
      if (existing) {
        const same =
          existing.campaign_id === opts.id &&
          existing.household_id === input.householdId &&
          existing.worker_id === caller.userId &&
          existing.outcome === input.outcome;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { visit: await presentOne(db, existing.id), created: false };
      }
    }
    const { campaign, targets } = await readableCampaign(db, caller, opts.id);
    const h = await campaignHousehold(db, caller, campaign, targets, input.householdId);
    if (!mayVisitAt(caller, h.orgPath)) throw forbidden();
    if (campaign.status !== 'active') throw new AppError(409, 'CAMPAIGN_NOT_ACTIVE');
    const earlier = await repo.findVisits(db, campaign.id, h.id);
    if (earlier.some((v) => v.outcome === 'delivered'))
      throw new AppError(409, 'CAMPAIGN_ALREADY_DELIVERED');
    if (input.survey && (input.outcome !== 'delivered' || !campaign.survey_id))
      throw new AppError(400, 'CAMPAIGN_SURVEY_NOT_EXPECTED', {}, { field: 'survey' });
    const now = nowIso();
    let at = now;
    if (input.at) {
      at = new Date(input.at).toISOString();
      if (at > addMinutes(now, CLOCK_SKEW_MINUTES))
        throw new AppError(400, 'VALIDATION_FAILED', { field: 'at', detail: '' }, { field: 'at' });
    }
    const id = input.id ?? newId();
    let surveyAnswerId: string | null = null;
    if (input.survey && campaign.survey_id) {
      const answer = await recordSurveyAnswer(db, caller, {
        id: input.survey.answerId,
        surveyId: campaign.survey_id,
        versionId: input.survey.versionId,
        householdId: h.id,
        answers: input.survey.answers,
        context: { kind: 'campaign', id: campaign.id },
      });
      surveyAnswerId = answer.id;
    }
    await repo.insertVisit(db, {
      id,
      campaign_id: campaign.id,
      street_id: h.streetId,
      community_id: h.communityId,
      grid_id: h.gridId,
      org_path: h.orgPath,
      household_id: h.id,
      outcome: input.outcome,
      note: input.note || null,
      at,
      worker_id: caller.userId,
      survey_answer_id: surveyAnswerId,
      issue_id: null,
      created_at: now,
    });
    await attachFiles(db, caller, input.photoIds, CAMPAIGN_VISIT_FILES, id);
    if (input.issue) {
      const units = await unitNames(db, [h.communityId]);
      const issue = await reportIssue(db, caller, {
        id: input.issue.id,
        source: 'visit',
        sourceId: id,
        category: input.issue.category,
        gridId: h.gridId,
        location: { text: `${units.get(h.communityId) ?? ''}${h.address}`.slice(0, 200) },
        description: input.issue.description,
        photoIds: input.issue.photoIds,
      });
      await repo.setVisitIssue(db, id, issue.id);
    }
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'campaign.visit',
      entity: 'campaign',
      entityId: campaign.id,
      detail: `${h.id}:${input.outcome}`,
      orgPath: h.orgPath,
    });
    return { visit: await presentOne(db, id), created: true };
  });
}

/** Photos of a visit: seen by those who see its household in the campaign, or the issue it raised. */
export async function visitFileAccess(db: Db, caller: Caller, visitId: string): Promise<boolean> {
  const v = await repo.getVisit(db, visitId);
  if (!v) return false;
  const campaign = await repo.getCampaign(db, v.campaign_id);
  if (campaign && seesAt(caller, campaign, v.org_path)) return true;
  return v.issue_id ? mayReadIssue(db, caller, v.issue_id) : false;
}
