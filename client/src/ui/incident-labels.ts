/**
 * Incidents in words, each with a short reference so that two incidents of the same turn, kind and victim can
 * be told apart in a picker, in the orders list and in the incidents table; with the viewer's own evidence
 * where it has some.
 */
import {
  accusationStrength,
  CONFIDENCE_NAMES,
  type GameView,
  INCIDENT_NAMES,
  type IncidentView,
} from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";

/** An incident's short reference: the last four characters of its opaque id, upper case ("ref K3X9"). */
export function incidentRef(id: string): string {
  return id.slice(-4).toUpperCase();
}

/**
 * How a view names states: a state's name (its id when the view has none), "a non-state actor", or `none` for
 * null.
 */
export function stateNamer(nations: GameView["nations"], none = "unknown"): (id: string | null) => string {
  return (id) => {
    if (id === null) return none;
    if (id === "nonState") return "a non-state actor";
    return (Object.hasOwn(nations, id) ? nations[id]?.name : undefined) ?? id;
  };
}

/** A state's name in the view, "a non-state actor", or the id itself. */
function nameIn(v: ClientView, id: string | null): string {
  return stateNamer(v.game.nations)(id);
}

/**
 * Who blamed whom for an incident in public: "Aestria blamed Borevia (strongly); …", or "—" when nobody did.
 */
export function publicBlame(i: IncidentView, name: (id: string | null) => string): string {
  return (
    i.publicAttributions
      .map((a) => `${name(a.by)} blamed ${name(a.accused)} (${accusationStrength(a.confidence)})`)
      .join("; ") || "—"
  );
}

/** The incident in a few words: "turn 2: DDoS against Aldmark (ref K3X9)". */
export function incidentName(i: IncidentView, v: ClientView): string {
  return `turn ${i.turn}: ${INCIDENT_NAMES[i.kind]} against ${nameIn(v, i.target)} (ref ${incidentRef(i.id)})`;
}

/**
 * What the seat knows of who did it: "your operation", "known: Borevia", "low confidence: Borevia", "no
 * evidence yet".
 */
export function evidenceWords(i: IncidentView, v: ClientView): string {
  const me = v.me.seat;
  if (!me) return i.author ? `known: ${nameIn(v, i.author)}` : "";
  if (i.author === me) return "your operation";
  if (i.author) return `known: ${nameIn(v, i.author)}`;
  const k = Object.hasOwn(i.knowledge, me) ? i.knowledge[me] : undefined;
  if (!k) return "public; you have no evidence";
  if (k.confidence === 0 && !k.suspect) return "no evidence yet";
  return `${CONFIDENCE_NAMES[k.confidence] ?? "no"} confidence${k.suspect ? `: ${nameIn(v, k.suspect)}` : ""}`;
}

/** True when the seat's own evidence (or the known author) points to `accused` for this incident. */
export function hasEvidenceAgainst(i: IncidentView, v: ClientView, accused: string): boolean {
  const me = v.me.seat;
  if (i.author !== null) return i.author === accused;
  if (!me || !Object.hasOwn(i.knowledge, me)) return false;
  const k = i.knowledge[me];
  return k !== undefined && k.confidence > 0 && k.suspect === accused;
}

/**
 * Picker labels for incidents, newest first, each unique in the list: the name with the ref, and the seat's
 * evidence.
 */
export function incidentChoices(
  incidents: readonly IncidentView[],
  v: ClientView,
): Array<{ id: string; label: string }> {
  const choices = incidents
    .slice()
    .reverse()
    .map((i) => {
      const evidence = evidenceWords(i, v);
      return { id: i.id, label: evidence ? `${incidentName(i, v)} — ${evidence}` : incidentName(i, v) };
    });
  // Two refs alike in one game are unlikely; when it happens, the whole id tells them apart.
  const seen = new Map<string, number>();
  for (const c of choices) seen.set(c.label, (seen.get(c.label) ?? 0) + 1);
  return choices.map((c) => ((seen.get(c.label) ?? 0) > 1 ? { id: c.id, label: `${c.label} [${c.id}]` } : c));
}

/** The incident with this id in words (for the orders list), or the id when the view does not hold it. */
export function incidentNameById(v: ClientView, id: string): string {
  const i = v.game.incidents.find((x) => x.id === id);
  return i ? incidentName(i, v) : `incident ${id}`;
}
