import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { PublicTipCreate } from '../../../common/schemas/tips';
import type { Db } from '../../db';
import { fieldCipher } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { spendChallenge } from './repo';
import { insertNewTip, placeOf } from './service';

/**
 * The public form's guard against bots: a proof-of-work challenge (ALTCHA), signed with a key derived
 * from the app's secret key, valid for ten minutes and good for one tip only. The browser solves it
 * with altcha-lib's own solver; the work is a few tens of thousands of hashes.
 */
const ALGORITHM = 'SHA-256';
const COST = 10;
const KEY_PREFIX = '000';
const VALID_MS = 10 * 60 * 1000;

const hmacKey = (): string => fieldCipher().blindIndex('altcha', 'tip-challenge');

export async function tipChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    keyPrefix: KEY_PREFIX,
    deriveKey,
    expiresAt: new Date(Date.now() + VALID_MS),
    hmacSignatureSecret: hmacKey(),
  });
}

const challengeFailed = () => new AppError(400, 'TIP_CHALLENGE_FAILED', {}, { field: 'altcha' });

/**
 * Checks the solved challenge the form sent (base64 of { challenge, solution }); answers its
 * signature, which is spent with the tip it brings.
 */
export async function checkChallenge(payload: string): Promise<string> {
  let parsed: { challenge?: Challenge; solution?: Solution };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    throw challengeFailed();
  }
  if (!parsed?.challenge?.parameters || !parsed.challenge.signature || !parsed.solution)
    throw challengeFailed();
  let ok = false;
  try {
    const r = await verifySolution({
      challenge: parsed.challenge,
      solution: parsed.solution,
      deriveKey,
      hmacSignatureSecret: hmacKey(),
    });
    ok = r.verified;
  } catch {
    ok = false;
  }
  if (!ok) throw challengeFailed();
  return parsed.challenge.signature;
}

/** A resident's tip from the public form: no log-in, the challenge solved, a tracking code back. */
export async function createPublicTip(
  db0: Db,
  input: PublicTipCreate,
  ip: string,
): Promise<{ trackingCode: string; submittedAt: string }> {
  const signature = await checkChallenge(input.altcha);
  return db0.transaction().execute(async (db) => {
    // Spent in the database, in the tip's own transaction: no other process and no restart takes the
    // same solution again, and a tip refused (say, for a wrong community) leaves it unspent.
    const now = new Date();
    const spent = await spendChallenge(
      db,
      signature,
      now.toISOString(),
      new Date(now.getTime() + VALID_MS).toISOString(),
    );
    if (!spent) throw challengeFailed();
    const where = await placeOf(db, input.streetId, input.communityId);
    const row = await insertNewTip(
      db,
      { caller: null, ip },
      { ...input, channel: 'webForm' },
      where,
    );
    return { trackingCode: row.tracking_code, submittedAt: row.created_at };
  });
}
