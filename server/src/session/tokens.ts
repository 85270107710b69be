/** Secrets and codes: unguessable tokens and short, unambiguous join codes. */
import { randomBytes, randomInt } from "node:crypto";

/** Join-code alphabet without look-alike characters (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** A 6-character join code. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** An unguessable secret (128 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(16).toString("base64url");
}

/** A short random id for members and games. */
export function newId(prefix: string): string {
  return prefix + randomBytes(6).toString("base64url");
}

/** Normalises a typed code: upper case, spaces and dashes removed. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}
