import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Sensitive fields (ID numbers, phones, health notes, disability, minors' details) are sealed with
 * AES-256-GCM under a key from LINLI_SECRET_KEY. A field people look up by exact value also keeps
 * an HMAC of its normalised value, so a lookup is an index hit and never decrypts a table.
 */
export interface FieldCipher {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Keyed hash of a normalised value, for exact-match lookups. */
  blindIndex(kind: string, value: string): string;
}

const VERSION = 'v1';

export function createFieldCipher(secret: string): FieldCipher {
  const master = crypto.createHash('sha256').update(secret).digest();
  const encKey = Buffer.from(
    crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'linli field encryption', 32),
  );
  const macKey = Buffer.from(
    crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'linli blind index', 32),
  );
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${VERSION}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      const [version, data] = sealed.split(':');
      if (version !== VERSION || !data) throw new Error('unknown sealed-field format');
      const raw = Buffer.from(data, 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    blindIndex(kind, value) {
      return crypto
        .createHmac('sha256', macKey)
        .update(`${kind}:${value}`)
        .digest('base64url')
        .slice(0, 32);
    },
  };
}

/**
 * The key from the environment, or — so that `npm start` works on a fresh machine — one made once
 * and kept beside the SQLite file. Losing that file loses the sealed fields: production sets the variable.
 */
export function loadSecretKey(
  env: string | undefined,
  dataDir: string,
): { key: string; generated: boolean } {
  if (env) return { key: env, generated: false };
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return { key: fs.readFileSync(file, 'utf8').trim(), generated: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('base64');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return { key, generated: true };
}

let current: FieldCipher | undefined;
/** Set once at start (buildApp); every module seals and opens through it. */
export function useFieldCipher(c: FieldCipher): void {
  current = c;
}
export function fieldCipher(): FieldCipher {
  if (!current)
    throw new Error('the field cipher is not configured: buildApp sets it from LINLI_SECRET_KEY');
  return current;
}
