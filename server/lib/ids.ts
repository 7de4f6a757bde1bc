import crypto from 'node:crypto';
import { v7 } from 'uuid';

export const newId = (): string => v7();
export const randomToken = (): string => crypto.randomBytes(32).toString('base64url');
export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');
