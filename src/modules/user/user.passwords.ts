import argon2 from 'argon2';
import { BadInputError } from '../../platform/errors';

/** 密码长度下限: long passphrases beat composition rules (NIST SP 800-63B §5.1.1). */
export const MIN_PASSWORD_LENGTH = 12;
/** Hashing is deliberately slow: cap the input so a huge "password" cannot tie up the server. */
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended password hash. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A hash of nothing anyone knows, verified against when the username is unknown so both failures take as long. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (hash === null) {
    dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with weaker parameters than today's (rehash it at the next login). */
export function needsRehash(hash: string): boolean {
  try {
    return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash);
  } catch {
    return false;
  }
}

/** Password length in characters as a person counts them (a Chinese character is one). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * 密码规则, wherever a password is set (createUser, resetPassword, changePassword, the first administrator):
 * at least MIN_PASSWORD_LENGTH characters, at most MAX_PASSWORD_LENGTH, and not the username nor containing it,
 * whatever the case (NIST SP 800-63B §5.1.1.2: refuse context-specific words such as the username).
 * BAD_USER_INPUT on `field`, the argument or input field that carried the password.
 */
export function checkNewPassword(password: string, username: string, field: string): void {
  if (passwordLength(password) < MIN_PASSWORD_LENGTH)
    throw new BadInputError(field, `A password has at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new BadInputError(field, `A password has at most ${MAX_PASSWORD_LENGTH} characters`);
  const fold = (text: string) => text.normalize('NFKC').toLowerCase();
  if (username !== '' && fold(password).includes(fold(username))) throw new BadInputError(field, 'A password may not contain the username');
}
