import { ageOn, careTags } from '../../../common/people';
import type { PublicationSummary } from '../../../common/schemas/cases';
import type { Household } from '../../../common/schemas/people';
import type { Db } from '../../db';
import { AppError } from '../../lib/errors';
import { renderPdfInWorker } from '../../lib/render-pool';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { identifyingFacts } from '../people/residents';
import { careTagsOf, getHousehold } from '../people/service';
import { todayInShanghai } from './care';
import { caseFileDocument } from './case-file';
import {
  buildPublication,
  publicationDocument,
  publicationText,
  type PublicationPerson,
  type PublicationSummaryDoc,
} from './publication';
import { listRecords } from './records';
import { assignPseudonyms, defaultPseudonym, type Redaction } from './redaction';
import { listReferrals } from './resources';
import { caseInScope, type Ctx } from './scope';
import { presentDetail } from './service';

// Printable documents of a case: the case file for the station's own files, and the summary that may be
// published. Both only for callers who may read the case (404 otherwise), both audited.

/** The client's household as the caller may see it (the people module masks and audits); null outside their scope. */
async function householdAsSeen(db: Db, caller: Caller, id: string): Promise<Household | null> {
  try {
    return await getHousehold({ db, caller, id });
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return null;
    throw e;
  }
}

/** Everything the caller may read of the case, for documents: forms, records oldest first, referrals. */
async function caseContents(db: Db, caller: Caller, id: string) {
  const row = await caseInScope(db, caller, id, 'read');
  const detail = await presentDetail(db, caller, id);
  const records = (await listRecords({ db, caller, caseId: id })).reverse();
  const referrals = await listReferrals({ db, caller, caseId: id });
  return { row, detail, records, referrals };
}

/**
 * The case file as a PDF: the case, the client and household with sensitive fields as the caller may
 * see them (whole for the client's own worker and the supervisor, masked for others; whole reads are
 * audited by the people module), every stage's form, the service records, referrals and closure.
 */
export async function caseFilePdf(opts: Ctx & { id: string }): Promise<Buffer> {
  const { db, caller, id } = opts;
  const { row, detail, records, referrals } = await caseContents(db, caller, id);
  const household = await householdAsSeen(db, caller, detail.householdId);
  const pdf = await renderPdfInWorker(
    caseFileDocument({
      detail,
      household,
      records,
      referrals,
      printedAt: nowIso(),
      printedBy: caller.displayName,
    }),
  );
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'case.print',
    entity: 'case',
    entityId: row.id,
    orgPath: row.org_path,
  });
  return pdf;
}

/** What identifies the client's family, and the pseudonym each of them is published under. */
async function redactionFor(
  db: Db,
  c: { residentId: string; householdId: string; pseudonym: string | null },
) {
  const facts = await identifyingFacts(db, c.householdId);
  const today = todayInShanghai();
  // The case's household is the client's own, so the client is among its members.
  const client = facts.members.find((x) => x.id === c.residentId)!;
  const pseudonyms = assignPseudonyms(
    { ...client, pseudonym: c.pseudonym },
    facts.members.map((x) => ({ id: x.id, name: x.name, minor: x.minor })),
  );
  const redaction: Redaction = {
    names: [
      ...facts.members.flatMap((x) =>
        [x.name, ...x.formerNames].map((real) => ({ real, pseudonym: pseudonyms.get(x.id)! })),
      ),
      ...facts.formerMembers.map((real) => ({ real, pseudonym: defaultPseudonym(real, false) })),
    ],
    idNumbers: facts.members.flatMap((x) => (x.idNumber ? [x.idNumber] : [])),
    phones: facts.members.flatMap((x) => (x.phone ? [x.phone] : [])),
    birthDates: facts.members.flatMap((x) => (x.birthDate ? [x.birthDate] : [])),
    addresses: [facts.address, ...facts.formerAddresses],
  };
  const person = (x: (typeof facts.members)[number]): PublicationPerson => ({
    id: x.id,
    pseudonym: pseudonyms.get(x.id)!,
    relationToHead: x.relationToHead as PublicationPerson['relationToHead'],
    gender: x.gender as PublicationPerson['gender'],
    // The dead are not given an age that keeps growing.
    age: x.birthDate && x.status !== 'deceased' ? ageOn(x.birthDate, today) : null,
    status: x.status,
  });
  return {
    redaction,
    client: person(client),
    family: facts.members.filter((x) => x.id !== c.residentId).map(person),
  };
}

async function publication(
  opts: Ctx & { id: string; format: 'text' | 'pdf' },
): Promise<PublicationSummaryDoc> {
  const { db, caller, id } = opts;
  const { row, detail, records, referrals } = await caseContents(db, caller, id);
  const { redaction, client, family } = await redactionFor(db, detail);
  const tags = (await careTagsOf(db, [detail.residentId])).get(detail.residentId) ?? [];
  const summary = buildPublication({
    detail,
    client: { ...client, careTags: careTags.filter((t) => tags.includes(t)) },
    family,
    records,
    referrals,
    redaction,
  });
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'case.publicationSummary',
    entity: 'case',
    entityId: row.id,
    detail: opts.format,
    orgPath: row.org_path,
  });
  return summary;
}

/** The summary for publication as plain text: pseudonyms only, no ID numbers, phones, addresses or birth dates. */
export async function publicationSummary(opts: Ctx & { id: string }): Promise<PublicationSummary> {
  const s = await publication({ ...opts, format: 'text' });
  return { pseudonym: s.pseudonym, text: publicationText(s) };
}

export async function publicationSummaryPdf(opts: Ctx & { id: string }): Promise<Buffer> {
  return renderPdfInWorker(publicationDocument(await publication({ ...opts, format: 'pdf' })));
}
