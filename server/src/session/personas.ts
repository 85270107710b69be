/** Which persona a bot plays: the ones that exist, and the one a game made before casting gives each seat. */
import { BOT_PERSONAS, type BotPersona } from "@firebreak/shared";
import { refuse, type Result } from "./result.ts";

/** Personas of games created before casting (no `cast` option): reciprocal, hawk, forgiving, dove in turn. */
export function defaultPersona(index: number): BotPersona {
  const doctrinal: BotPersona[] = ["reciprocal", "hawk", "forgiving", "dove"];
  return doctrinal[index % doctrinal.length] as BotPersona;
}

/** True for a persona a bot can play (`BOT_PERSONAS`: random and the six doctrines). */
export function isBotPersona(name: string): name is BotPersona {
  return (BOT_PERSONAS as readonly string[]).includes(name);
}

/** The rejection for a persona no bot plays; the message lists the ones that exist. */
export function unknownPersona<T>(name: string): Result<T> {
  return refuse(
    "UNKNOWN_PERSONA",
    `Unknown persona "${name}"; a bot plays one of ${BOT_PERSONAS.join(", ")}.`,
  );
}
