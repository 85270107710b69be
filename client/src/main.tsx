/**
 * Entry: load the scenario list, read a secret link (seat invite or facilitator key) or a join link, rejoin
 * the open game if any, render.
 */
import { render } from "preact";
import "./style.css";
import { App } from "./app.tsx";
import { rejoinSaved, saveSeat } from "./net/client.ts";
import { takeJoinCode, takeSecretLink } from "./net/links.ts";
import { summaryGame } from "./summary/route.ts";
import { loadScenarios } from "./ui/api.ts";
import { pendingInvite } from "./ui/invite-card.tsx";
import { pendingJoinCode } from "./ui/join-card.tsx";

async function boot(): Promise<void> {
  const link = takeSecretLink();
  if (link?.kind === "key") saveSeat(link.roomId, link.secret);
  if (link?.kind === "invite") pendingInvite.value = { roomId: link.roomId, secret: link.secret };
  // A join link opens the join form with its code, not the game this browser was in (it stays under "Your
  // games").
  pendingJoinCode.value = takeJoinCode();
  await loadScenarios();
  // A turn summary's link (`?summary=`) reads the game without joining it: nothing is rejoined.
  if (link?.kind !== "invite" && pendingJoinCode.value === null && summaryGame.value === null)
    await rejoinSaved();
  render(<App />, document.getElementById("app") as HTMLElement);
}

void boot();
