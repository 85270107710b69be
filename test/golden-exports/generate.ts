/**
 * Regenerates the export goldens from the fixture game (`npm run exports:golden:update`): after a deliberate
 * change to an export, or when the engine plays the fixture differently (the golden test then compares only
 * the exports' shape and says so). Say why in the commit.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureExports, fixtureGame } from "./fixture.ts";

const here = dirname(fileURLToPath(import.meta.url));
const game = fixtureGame();
for (const [name, text] of Object.entries(fixtureExports(game))) writeFileSync(join(here, name), text);
writeFileSync(
  join(here, "fixture.json"),
  `${JSON.stringify({ rulesVersion: game.record.rulesVersion, finalHash: game.record.finalHash }, null, 2)}\n`,
);
process.stdout.write(`export goldens written for final hash ${game.record.finalHash}\n`);
