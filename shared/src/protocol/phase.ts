/** The session's phase, as every message and answer names it (a leaf: requests and views both read it). */
export type SessionPhase = "lobby" | "planning" | "ended";
