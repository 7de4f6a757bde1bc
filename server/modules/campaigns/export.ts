import { resources, type Locale } from '../../../common/i18n';
import { formatShanghai } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { tableWorkbook } from '../../lib/table-workbook';
import { unitNames } from '../org/service';
import { staffDisplayNames } from '../auth/staff-service';
import * as repo from './repo';
import { campaignHouseholds, readableCampaign, seesAt, type Ctx } from './service';

/**
 * The visit ledger (走访台账) of a campaign as .xlsx: one row per visit, oldest first, with the household
 * (head's name masked) and its place; only the households the caller sees. The export is audited.
 */
export async function exportVisits(
  opts: Ctx & { id: string; locale: Locale },
): Promise<{ file: Buffer; title: string; exported: number }> {
  const { db, caller } = opts;
  const t = resources[opts.locale].campaigns;
  const { campaign, targets } = await readableCampaign(db, caller, opts.id);
  const households = new Map(
    (await campaignHouseholds(db, targets)).map((h) => [h.id, h] as const),
  );
  const visits = (await repo.findVisits(db, campaign.id)).filter((v) =>
    seesAt(caller, campaign, v.org_path),
  );
  const units = await unitNames(db, [...visits.flatMap((v) => [v.community_id, v.grid_id])]);
  const staff = await staffDisplayNames(
    db,
    visits.map((v) => v.worker_id),
  );
  const rows = visits.map((v) => {
    const h = households.get(v.household_id);
    return {
      at: formatShanghai(v.at),
      community: units.get(v.community_id) ?? '',
      grid: units.get(v.grid_id) ?? '',
      address: h?.address ?? '',
      head: h?.headName ?? '',
      outcome: t.outcomes[v.outcome],
      worker: staff.get(v.worker_id) ?? '',
      survey: v.survey_answer_id ? t.yes : '',
      issue: v.issue_id ? t.yes : '',
      note: v.note ?? '',
    };
  });
  const c = t.columns;
  const file = await tableWorkbook(
    t.ledgerSheet,
    [
      { header: c.at, key: 'at', width: 18 },
      { header: c.community, key: 'community', width: 16 },
      { header: c.grid, key: 'grid', width: 12 },
      { header: c.address, key: 'address', width: 20 },
      { header: c.head, key: 'head', width: 10 },
      { header: c.outcome, key: 'outcome', width: 12 },
      { header: c.worker, key: 'worker', width: 10 },
      { header: c.survey, key: 'survey', width: 10 },
      { header: c.issue, key: 'issue', width: 10 },
      { header: c.note, key: 'note', width: 30 },
    ],
    rows,
  );
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'campaign.export',
    entity: 'campaign',
    entityId: campaign.id,
    detail: String(rows.length),
    orgPath: campaign.org_path,
  });
  return { file, title: campaign.title, exported: rows.length };
}
