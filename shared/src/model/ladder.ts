/**
 * The escalation ladder (after Kahn 1965): named rungs of a pair's tension, each with the tension it starts
 * at. The top rung is the brink, where each side must choose; armed conflict is not a rung but an outcome
 * someone chose.
 */

/** The rungs, lowest first: a tension is on the highest rung whose minimum it reaches. */
export const RUNGS = [
  { min: 0, name: "Competition" },
  { min: 2, name: "Friction" },
  { min: 4, name: "Crisis" },
  { min: 6, name: "Confrontation" },
  { min: 7, name: "Use-of-force threshold" },
  { min: 8, name: "Brinkmanship" },
  { min: 9, name: "Brink" },
] as const;

/** The name of a rung. */
export type RungName = (typeof RUNGS)[number]["name"];

/**
 * The named rung of a tension value: the highest rung whose minimum the tension's floor reaches (the first
 * rung below every minimum).
 */
export function rungName(tension: number): RungName {
  const t = Math.floor(tension);
  let name: RungName = RUNGS[0].name;
  for (const rung of RUNGS) {
    if (t < rung.min) break;
    name = rung.name;
  }
  return name;
}
