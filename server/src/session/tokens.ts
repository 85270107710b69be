/** Secrets and codes: unguessable tokens and short, unambiguous join codes. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Mint } from "./requests.ts";
import type { Invite, Member, SessionState } from "./types.ts";

/** Join-code alphabet without look-alike characters (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** A 6-character join code. */
function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** An unguessable secret (128 bits, URL-safe). */
function newToken(): string {
  return randomBytes(16).toString("base64url");
}

/** A short random id for members and games. */
export function newId(prefix: string): string {
  return prefix + randomBytes(6).toString("base64url");
}

/** A mint of random ids, secrets and join codes; a code is never one `inUse` says a game has. */
export function randomMint(inUse: (code: string) => boolean): Mint {
  const code = (): string => {
    const c = newJoinCode();
    return inUse(c) ? code() : c;
  };
  return { id: newId, token: newToken, code };
}

/** Normalises a typed code: upper case, spaces and dashes removed. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

/** Compares two secrets in constant time (their SHA-256 digests, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  const da = createHash("sha256").update(a).digest();
  const db = createHash("sha256").update(b).digest();
  return timingSafeEqual(da, db);
}

/**
 * The member whose seat token or facilitator key this is, if any (removed members are gone from the list).
 */
export function memberByToken(s: SessionState, token: string): Member | undefined {
  let found: Member | undefined;
  for (const m of s.members) if (sameSecret(m.token, token)) found = m;
  return found;
}

/** The open seat invite with this secret, if any. */
export function inviteBySecret(s: SessionState, secret: string): Invite | undefined {
  let found: Invite | undefined;
  for (const i of s.invites) if (sameSecret(i.secret, secret)) found = i;
  return found;
}
