import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../../common/schemas/auth';
import { AppError } from '../../lib/errors';

// @node-rs/argon2's defaults are argon2id, 19 MiB, 2 passes: the OWASP minimum, about 30 ms here.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anybody knows: verifying against it costs as long as a real check, so a missing user is not told apart by timing. */
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hash('decoy-password-nobody-has');
  await verifyPassword(await decoy, password);
}

export function assertStrongPassword(
  password: string,
  username?: string,
  field = 'password',
): void {
  if (passwordProblems(password, username).length > 0)
    throw new AppError(400, 'WEAK_PASSWORD', {}, { field });
}
