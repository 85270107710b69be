/**
 * The after-action review's "why did it move" API in one place: the decomposition, its words, over a game and
 * for a seat's view.
 */
export * from "./why.ts";
export * from "./why-words.ts";
export * from "./why-game.ts";
export * from "./summary.ts";
