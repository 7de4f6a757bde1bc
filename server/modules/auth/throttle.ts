import type { Limits } from '../../lib/limits';
import { sha256 } from '../../lib/ids';

/**
 * Wrong passwords are counted per account name and address: five in a row from one address hold that
 * address off that name for 15 minutes, while the real user elsewhere logs in as usual, so a stranger
 * cannot lock anyone out. Each address also has a budget of failures across all names, against one
 * machine trying many names. A held-off attempt answers exactly like a wrong password, and names
 * that exist are counted like names that do not, so no answer tells which accounts exist.
 */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const HOLD_OFF_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 50;
const ADDRESS_WINDOW_MINUTES = 60;
/** Failures in a row count up over this long at most (a success starts again from none). */
const ACCOUNT_WINDOW_MINUTES = 24 * 60;

export interface Attempt {
  username: string;
  ip: string;
  /**
   * The account's stored password hash (none for a name without an account): counts belong to one
   * password, so setting a new one (an admin's reset) lifts the hold.
   */
  passwordHash?: string;
}

export interface LoginThrottle {
  /** Whether this address is held off this account name, or off log-in altogether. */
  isHeldOff(a: Attempt): Promise<boolean>;
  /** Counts a wrong password or code; answers the hold it starts, for the audit log, if any. */
  recordFailure(a: Attempt): Promise<string | null>;
  recordSuccess(a: Attempt): Promise<void>;
}

const accountKey = (a: Attempt) =>
  `${a.username}|${a.ip}|${a.passwordHash ? sha256(a.passwordHash).slice(0, 16) : '-'}`;

export function createLoginThrottle(limits: Limits): LoginThrottle {
  const byAccount = limits.limiter({
    name: 'login-failures-account',
    points: MAX_FAILURES_PER_ACCOUNT,
    seconds: ACCOUNT_WINDOW_MINUTES * 60,
  });
  const byAddress = limits.limiter({
    name: 'login-failures-address',
    points: MAX_FAILURES_PER_ADDRESS,
    seconds: ADDRESS_WINDOW_MINUTES * 60,
  });
  return {
    async isHeldOff(a) {
      const [account, address] = await Promise.all([
        byAccount.get(accountKey(a)),
        byAddress.get(a.ip),
      ]);
      return (
        (account?.consumedPoints ?? 0) >= MAX_FAILURES_PER_ACCOUNT ||
        (address?.consumedPoints ?? 0) >= MAX_FAILURES_PER_ADDRESS
      );
    },
    async recordFailure(a) {
      const key = accountKey(a);
      const [account, address] = await Promise.all([
        byAccount.penalty(key),
        byAddress.penalty(a.ip),
      ]);
      // The hold runs from the failure that reached the limit, not from the first of the series.
      const holds: string[] = [];
      if (account.consumedPoints >= MAX_FAILURES_PER_ACCOUNT) {
        await byAccount.block(key, HOLD_OFF_MINUTES * 60);
        holds.push(`address held off this account for ${HOLD_OFF_MINUTES} min`);
      }
      if (address.consumedPoints >= MAX_FAILURES_PER_ADDRESS) {
        await byAddress.block(a.ip, ADDRESS_WINDOW_MINUTES * 60);
        holds.push(`address held off every account for ${ADDRESS_WINDOW_MINUTES} min`);
      }
      return holds.length > 0 ? holds.join('; ') : null;
    },
    async recordSuccess(a) {
      await byAccount.delete(accountKey(a));
    },
  };
}
