/** Entry: load the scenario list, rejoin a stored seat if any, render. */
import { render } from "preact";
import "./style.css";
import { App } from "./app.tsx";
import { rejoinSaved } from "./net/client.ts";
import { loadScenarios } from "./ui/api.ts";

async function boot(): Promise<void> {
  await loadScenarios();
  await rejoinSaved();
  render(<App />, document.getElementById("app") as HTMLElement);
}

void boot();
