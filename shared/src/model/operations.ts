/**
 * Cyber operations, one row per kind: what each costs, needs, does and looks like to its victim. Everything
 * else about a kind is derived from this table: the kind list, the order schema's variants, the costs, the
 * access ages, the effects at resolution, what a victim sees. Adding a kind is adding a row here, plus what
 * the compiler then asks for: a rule `op.<kind>` (rules-catalogue.ts), a name and a phrase (names.ts), a
 * severity (params.ts).
 */
import type { ModelParams } from "./params.ts";

/** Damage an incident does to its target's economy and stability. */
export interface Damage {
  economy: number;
  stability: number;
}

/** What one kind of cyber operation is. */
export interface OperationRow {
  /** Action points it costs (a false flag costs one more). */
  cost: number;
  /**
   * Turns a pre-positioned access in the target must have existed before the operation may use (and burn) it;
   * null: it needs none.
   */
  accessAge: number | null;
  /** Noticed by the victim at once, even when covert, because its effects show (who did it is not known). */
  alwaysNoticed: boolean;
  /** May fail against good defence: success is rolled with the effect success chance. */
  mayFail: boolean;
  /** Damages critical infrastructure: breaks GGE 2015 norm (f) and a no-first-use pledge. */
  destructive: boolean;
  /** May kill (a lethality roll on success), so it weighs fully on tension. */
  mayKill: boolean;
  /** Criminals or hacktivists do it too: a scenario inject may name it for a non-state incident. */
  byNonState: boolean;
  /**
   * What a victim that may not know the truth sees: "intrusion" (espionage and pre-positioning look alike) or
   * the kind itself.
   */
  seenAs: "intrusion" | null;
  /** What its author gains besides its effects: intelligence on the target, an access in it, or nothing. */
  gains: "intelligence" | "access" | null;
  /** Damage to a target of digital dependence `dependence` (a successful operation). */
  damage(p: ModelParams, dependence: number): Damage;
}

const noDamage = (): Damage => ({ economy: 0, stability: 0 });
const ddosDamage = (p: ModelParams, dependence: number): Damage => ({
  economy: 0,
  stability: p.ddosStabilityBase + p.ddosDependenceFactor * dependence,
});

/** Every kind of cyber operation, in the order players and bots list them. */
export const OPERATIONS = {
  espionage: {
    cost: 1,
    accessAge: null,
    alwaysNoticed: false,
    mayFail: false,
    destructive: false,
    mayKill: false,
    byNonState: false,
    seenAs: "intrusion",
    gains: "intelligence",
    damage: noDamage,
  },
  preposition: {
    cost: 1,
    accessAge: null,
    alwaysNoticed: false,
    mayFail: false,
    destructive: false,
    mayKill: false,
    byNonState: false,
    seenAs: "intrusion",
    gains: "access",
    damage: noDamage,
  },
  ddos: {
    cost: 1,
    accessAge: null,
    alwaysNoticed: true,
    mayFail: false,
    destructive: false,
    mayKill: false,
    byNonState: true,
    seenAs: null,
    gains: null,
    damage: ddosDamage,
  },
  influence: {
    cost: 1,
    accessAge: null,
    alwaysNoticed: false,
    mayFail: false,
    destructive: false,
    mayKill: false,
    byNonState: true,
    seenAs: null,
    gains: null,
    damage: (p) => ({ economy: 0, stability: p.influenceStability }),
  },
  disrupt: {
    cost: 2,
    accessAge: 1,
    alwaysNoticed: true,
    mayFail: true,
    destructive: true,
    mayKill: false,
    byNonState: true,
    seenAs: null,
    gains: null,
    damage: (p, dependence) => ({
      economy: p.disruptEconomyBase + p.disruptDependenceFactor * dependence,
      stability: 1,
    }),
  },
  destroy: {
    cost: 3,
    accessAge: 2,
    alwaysNoticed: true,
    mayFail: true,
    destructive: true,
    mayKill: true,
    byNonState: true,
    seenAs: null,
    gains: null,
    damage: (p, dependence) => ({
      economy: p.destroyEconomyBase + p.destroyDependenceFactor * dependence,
      stability: 2,
    }),
  },
} as const satisfies Record<string, OperationRow>;

/** A cyber operation kind. */
export type OperationKind = keyof typeof OPERATIONS;

/** Cyber operation kinds, in table order. */
export const OPERATION_KINDS = Object.keys(OPERATIONS) as readonly OperationKind[];

/** An incident's kind: an operation, or an attack by criminals or hacktivists. */
export type IncidentKind = OperationKind | "nonState";

/** The operation kinds a non-state actor may be scripted to do, by type. */
export type NonStateOperationKind = {
  [K in OperationKind]: (typeof OPERATIONS)[K]["byNonState"] extends true ? K : never;
}[OperationKind];

/**
 * The kinds a scenario's non-state incident may name: the operations criminals do too, and "nonState" (a
 * generic attack).
 */
export const NON_STATE_INCIDENT_KINDS: ReadonlyArray<NonStateOperationKind | "nonState"> = [
  ...OPERATION_KINDS.filter((k): k is NonStateOperationKind => OPERATIONS[k].byNonState),
  "nonState",
];

/** A generic non-state attack hits and looks like a DDoS. */
const NON_STATE_ATTACK = { seenAs: "ddos", mayKill: false, damage: ddosDamage } as const;

/** What a victim that may not know the truth sees of an incident kind: "intrusion", or a kind. */
export function seenAs(kind: IncidentKind): IncidentKind | "intrusion" {
  if (kind === "nonState") return NON_STATE_ATTACK.seenAs;
  return OPERATIONS[kind].seenAs ?? kind;
}

/** The damage a successful incident of this kind does, and whether it may kill. */
export function incidentEffect(kind: IncidentKind): Pick<OperationRow, "damage" | "mayKill"> {
  return kind === "nonState" ? NON_STATE_ATTACK : OPERATIONS[kind];
}

/**
 * True for a destructive kind (disruption, destruction): it breaks GGE 2015 norm (f) and a no-first-use
 * pledge. Unknown or merged kinds ("intrusion") are not.
 */
export function isDestructive(kind: string): boolean {
  return Object.hasOwn(OPERATIONS, kind) && OPERATIONS[kind as OperationKind].destructive;
}
