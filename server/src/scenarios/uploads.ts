/**
 * Scenarios facilitators uploaded: kept in the server's store, owned through a secret key returned once on
 * upload, never listed publicly (their owner reads each back, and deletes one no game or exercise plays). A game or exercise plays one when its create options name the upload id with its key
 * (`usableScenario`); once a game is made, the server resolves its scenario by id (`uploadedScenario`), also
 * after a restart.
 */
import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_PARAMS, type Scenario, type UploadPreview, validateScenario } from "@firebreak/shared";
import { services } from "../services.ts";
import { sameSecret } from "../session/tokens.ts";

/** An upload id: `u-` and 16 lower-case letters or digits (a valid scenario id, not a shipped one's). */
const UPLOAD_ID = /^u-[a-z0-9]{16}$/;
/** Uploaded scenarios read so far, by id (they never change once stored). */
const cache = new Map<string, Scenario>();
const CACHE_SIZE = 500;

/** True for a string shaped like an upload id. */
export function isUploadId(id: string): boolean {
  return UPLOAD_ID.test(id);
}

/** The SHA-256 (hex) the store keeps of an owner key. */
export function keyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function freshId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(16);
  let out = "u-";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/**
 * Stores a validated scenario under a fresh upload id (which becomes its id); returns the id and its owner
 * key.
 */
export function saveUpload(scenario: Scenario, at: number): { id: string; key: string; scenario: Scenario } {
  const id = freshId();
  const key = randomBytes(24).toString("base64url");
  const stored: Scenario = { ...scenario, id };
  services().store.saveUpload({ id, keyHash: keyHash(key), scenario: JSON.stringify(stored), at });
  remember(id, stored);
  return { id, key, scenario: stored };
}

function remember(id: string, s: Scenario): void {
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(id, s);
}

/**
 * An uploaded scenario by id (from memory, else the store), or null; no key needed: for games already made
 * with it.
 */
export function uploadedScenario(id: string): Scenario | null {
  if (!isUploadId(id)) return null;
  const known = cache.get(id);
  if (known) return known;
  const row = services().store.upload(id);
  if (!row) return null;
  const checked = validateScenario(JSON.parse(row.scenario) as unknown);
  if (!checked.ok) return null;
  remember(id, checked.scenario);
  return checked.scenario;
}

/** The uploaded scenario when `key` is its owner key; null for a wrong key and an unknown id alike. */
export function ownedUpload(id: string, key: string | undefined): Scenario | null {
  if (!isUploadId(id) || key === undefined) return null;
  const row = services().store.upload(id);
  if (!row || !sameSecret(keyHash(key), row.keyHash)) return null;
  return uploadedScenario(id);
}

/**
 * The scenario a new game or exercise may play: a shipped one, or an upload with its owner key; else null.
 */
export function usableScenario(id: string, key: string | undefined): Scenario | null {
  if (isUploadId(id)) return ownedUpload(id, key);
  return services().scenario(id);
}

/** The preview of a scenario: title, turns, and each state with its bot persona and objectives. */
export function previewOf(s: Scenario): UploadPreview {
  const paramTurns = s.params?.turns;
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    turns: s.turns ?? (typeof paramTurns === "number" ? paramTurns : DEFAULT_PARAMS.turns),
    states: s.states.map((st) => ({
      id: st.id,
      name: st.name,
      bot: st.bot ?? null,
      objectives: st.objectives.map((o) => ({ text: o.text, points: o.points })),
    })),
  };
}

/** Forgets one upload read (it was deleted). */
export function forgetUpload(id: string): void {
  cache.delete(id);
}

/** Forgets the uploads read (tests). */
export function forgetUploads(): void {
  cache.clear();
}
