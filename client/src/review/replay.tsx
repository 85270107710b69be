/**
 * The replay (a chunk of its own: it runs the engine, which needs zod): a game's record fetched with this
 * browser's token or read from a file, rebuilt turn by turn, shown as one seat saw it or as it was, side by
 * side on demand.
 */
import { useEffect, useMemo } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { viewFor, whyTimeline } from "@firebreak/shared";
import type { GameState, Viewer } from "@firebreak/shared/browser";
import { currentRoomId, savedSeat, view } from "../net/client.ts";
import { parseRecordText, prepareRecord, type Prepared } from "./load.ts";
import { Pane } from "./pane.tsx";
import { ForkButton } from "./fork.tsx";
import { WhyChart } from "./why-chart.tsx";
import { closeReplay, recordToken, type ReplaySource } from "./route.ts";

/** The token this browser holds for a game: kept from its debrief, or the seat it is in now. */
function tokenFor(gameId: string): string | null {
  const saved = savedSeat();
  return recordToken(gameId) ?? (saved?.roomId === gameId ? saved.token : null);
}

/** Fetches a game's record with the token this browser holds for it. */
async function fetchRecord(gameId: string): Promise<Prepared> {
  const token = tokenFor(gameId);
  if (!token)
    return {
      ok: false,
      reason:
        "This browser holds no seat token or facilitator key for that game, so the server will not " +
        "give its record. Open the replay from the game's debrief, or ask a member for the record file and open it here.",
      final: null,
    };
  let res: Response;
  try {
    res = await fetch(`/api/records/${encodeURIComponent(gameId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch {
    return { ok: false, reason: "The server could not be reached to fetch the record.", final: null };
  }
  if (res.status === 401)
    return {
      ok: false,
      reason: "The server refused the record: this browser's token is not a member's of that game.",
      final: null,
    };
  if (res.status === 409)
    return {
      ok: false,
      reason: "The game has not ended yet: its record is published at the end.",
      final: null,
    };
  if (!res.ok)
    return { ok: false, reason: `The server could not give the record (HTTP ${res.status}).`, final: null };
  return prepareRecord(await res.json().catch(() => null));
}

/** A viewer picked in a select: "all" for the omniscient view, else a seat. */
function viewerOf(key: string): Viewer {
  return key === "all" ? { role: "facilitator" } : { role: "player", seat: key };
}

/** The heading of a side: whose view it is. */
function titleOf(state: GameState, key: string): string {
  return key === "all" ? "What was true (every secret shown)" : `What ${state.nations[key]?.name ?? key} saw`;
}

/**
 * Whose view the replay opens with: this browser's seat in that game when it has one, else the omniscient
 * view.
 */
function ownSeat(source: ReplaySource, seats: string[]): string {
  if (source.kind !== "game" || currentRoomId() !== source.gameId) return "all";
  const seat = view.value?.me.seat ?? null;
  return seat !== null && seats.includes(seat) ? seat : "all";
}

function Loaded({ p, source }: { p: Extract<Prepared, { ok: true }>; source: ReplaySource }) {
  const last = p.frames.length - 1;
  const at = useSignal(last);
  const seen = useSignal(ownSeat(source, p.seats));
  const beside = useSignal("none");
  const frame = p.frames[Math.min(at.value, last)] ?? p.frames[last];
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
      if (e.key === "ArrowLeft") at.value = Math.max(0, at.value - 1);
      else if (e.key === "ArrowRight") at.value = Math.min(last, at.value + 1);
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [last]);
  // The Phaser boards fit their container on a window resize: tell them when a second pane narrows the first.
  useEffect(() => {
    const id = requestAnimationFrame(() => window.dispatchEvent(new Event("resize")));
    return () => cancelAnimationFrame(id);
  }, [beside.value === "none"]);
  const viewer = seen.value === "all" ? null : seen.value;
  const token = source.kind === "game" ? tokenFor(source.gameId) : null;
  const why = useMemo(() => whyTimeline(p.timeline, viewer), [viewer]);
  if (!frame) return null;
  const s = frame.state;
  const name = (k: string) => (k === "all" ? "Everything (omniscient)" : (s.nations[k]?.name ?? k));
  const options = ["all", ...p.seats];
  return (
    <>
      <div class="replay-controls">
        <button
          type="button"
          onClick={() => (at.value = Math.max(0, at.value - 1))}
          disabled={at.value === 0}
        >
          ◀ Previous turn
        </button>
        <label class="replay-scrub">
          Turn{" "}
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={at.value}
            aria-valuetext={frame.label}
            onInput={(e) => (at.value = Number((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
        <output class="replay-at" aria-live="polite">
          {frame.label}
        </output>
        <button
          type="button"
          onClick={() => (at.value = Math.min(last, at.value + 1))}
          disabled={at.value === last}
        >
          Next turn ▶
        </button>
        <label>
          Seen as{" "}
          <select
            value={seen.value}
            onChange={(e) => (seen.value = (e.currentTarget as HTMLSelectElement).value)}
          >
            {options.map((k) => (
              <option key={k} value={k}>
                {name(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Side by side with{" "}
          <select
            value={beside.value}
            onChange={(e) => (beside.value = (e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="none">nothing (one view)</option>
            {options.map((k) => (
              <option key={k} value={k}>
                {name(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {token && source.kind === "game" && (
        <ForkButton
          gameId={source.gameId}
          token={token}
          turn={at.value < last ? frame.turn : p.timeline.starts.length}
          title={s.scenario.title}
          seats={p.seats.map((id) => ({ id, name: s.nations[id]?.name ?? id }))}
        />
      )}
      <p class="replay-hint">
        The left and right arrow keys step a turn. Each turn shows the game as it stood when that turn began,
        before its orders: what the viewer had seen of the turns before.
      </p>
      <div class={beside.value === "none" ? "replay-panes" : "replay-panes two"}>
        <Pane view={viewFor(s, viewerOf(seen.value))} title={titleOf(s, seen.value)} id="pane-a" />
        {beside.value !== "none" && (
          <Pane view={viewFor(s, viewerOf(beside.value))} title={titleOf(s, beside.value)} id="pane-b" />
        )}
      </div>
      {at.value > 0 && <WhyChart why={why} state={s} turn={Math.min(at.value, why.length)} viewer={viewer} />}
    </>
  );
}

/**
 * The replay screen: loads the record, then shows its turns (or why it cannot, and the final state when it
 * can).
 */
export function Replay({ source }: { source: ReplaySource }) {
  const prepared = useSignal<Prepared | null>(null);
  const loading = useSignal(source.kind === "game");
  useEffect(() => {
    if (source.kind !== "game") return;
    loading.value = true;
    void fetchRecord(source.gameId).then((p) => {
      prepared.value = p;
      loading.value = false;
    });
  }, [source.kind === "game" ? source.gameId : ""]);
  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    loading.value = true;
    prepared.value = parseRecordText(await file.text());
    loading.value = false;
  };
  const p = prepared.value;
  const title =
    p?.ok === true ? p.frames[0]?.state.scenario.title : p?.final ? p.final.scenario.title : undefined;
  return (
    <main class="replay">
      <div class="replay-top">
        <h1>Replay{title ? `: ${title}` : ""}</h1>
        <label class="replay-file">
          Open a record file{" "}
          <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </label>
        <button type="button" onClick={closeReplay}>
          Close the replay
        </button>
      </div>
      {loading.value && <p role="status">Rebuilding the game turn by turn…</p>}
      {!loading.value && !p && (
        <p>Choose a game record file (a .json downloaded from a debrief) to replay it.</p>
      )}
      {p && !p.ok && (
        <>
          <p role="alert" class="error">
            {p.reason}
          </p>
          {p.final && (
            <Pane
              view={viewFor(p.final, { role: "facilitator" })}
              title="How the game ended"
              id="pane-final"
            />
          )}
        </>
      )}
      {p?.ok && <Loaded key={p.record.finalHash + p.record.seed} p={p} source={source} />}
    </main>
  );
}
