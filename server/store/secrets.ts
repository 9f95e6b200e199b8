/**
 * Invite codes and bearer tokens. Both come from node:crypto. The server keeps
 * only the SHA-256 of a token, so a copy of the database cannot be used to act
 * as anyone; an invite code is stored as is because members show it to
 * colleagues (as text or a QR code).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Crockford base32 without I, L, O and U: nothing to misread on a ward. */
export const INVITE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_LENGTH = 10;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++)
    code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** 32 random bytes (256 bits), base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Reads a code as Crockford base32 does: O is 0, I and L are 1 (none of them
 * is ever issued), after joinRequestSchema has upper-cased it and dropped
 * spaces and dashes.
 */
export function normaliseInviteCode(code: string): string {
  return code.replace(/O/g, '0').replace(/[IL]/g, '1');
}
