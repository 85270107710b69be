/** Entry: load the scenario list, read a secret link (seat invite or facilitator key), rejoin a stored seat if any, render. */
import { render } from "preact";
import "./style.css";
import { App } from "./app.tsx";
import { rejoinSaved, saveSeat } from "./net/client.ts";
import { takeSecretLink } from "./net/links.ts";
import { loadScenarios } from "./ui/api.ts";
import { pendingInvite } from "./ui/invite-card.tsx";

async function boot(): Promise<void> {
  const link = takeSecretLink();
  if (link?.kind === "key") saveSeat(link.roomId, link.secret);
  if (link?.kind === "invite") pendingInvite.value = { roomId: link.roomId, secret: link.secret };
  await loadScenarios();
  if (link?.kind !== "invite") await rejoinSaved();
  render(<App />, document.getElementById("app") as HTMLElement);
}

void boot();
