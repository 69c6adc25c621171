import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every token starts with this, so secret scanners and people recognise it. */
const PREFIX = 'sg_';

/** A new token and what is stored of it: the public lookup part, a salt and the hash of the secret part. */
export interface NewToken {
  /** Shown once to whoever creates it; never stored. */
  token: string;
  lookup: string;
  salt: string;
  secretHash: string;
}

/** The parts of a token as sent by a client; null when it is not shaped like one of ours. */
export function splitToken(token: string): { lookup: string; secret: string } | null {
  const match = /^sg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { lookup: match[1]!, secret: match[2]! } : null;
}

/** sha256 of salt and secret, hex. The secret has 256 random bits, so a fast hash is enough. */
export function hashSecret(salt: string, secret: string): string {
  return createHash('sha256').update(salt).update(':').update(secret).digest('hex');
}

/** Creates a random token: `sg_<16 hex lookup>_<43 base64url characters of secret>`. */
export function newToken(): NewToken {
  const lookup = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  return { token: `${PREFIX}${lookup}_${secret}`, lookup, salt, secretHash: hashSecret(salt, secret) };
}

/** Compares a presented secret with the stored hash in constant time. */
export function secretMatches(secret: string, salt: string, secretHash: string): boolean {
  const presented = Buffer.from(hashSecret(salt, secret), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
