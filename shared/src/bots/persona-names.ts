/**
 * The names of the bot personas: the five baseline personas and the two doctrinal ones (a leaf: no imports).
 */

/** The baseline personas. */
export const PERSONAS = ["random", "hawk", "dove", "reciprocal", "forgiving"] as const;
export type Persona = (typeof PERSONAS)[number];

/** Every persona a bot seat can have: the baseline ones and the two doctrinal ones. */
export const BOT_PERSONAS = [...PERSONAS, "opportunist", "normBuilder"] as const;
export type BotPersona = (typeof BOT_PERSONAS)[number];
