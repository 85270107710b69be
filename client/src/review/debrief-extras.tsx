/**
 * The debrief's tools: open the replay, download the record and the exports, the chat transcript, the
 * teacher's material.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { ClientView } from "@firebreak/shared/browser";
import { openReplay, replayLink } from "./route.ts";

/**
 * The downloads of an ended game: the record and the server's exports, each fetched with the member's token.
 */
const EXPORTS = [
  { path: "", file: "record.json", label: "Game record (JSON, replayable)", facilitatorOnly: false },
  { path: "/events.csv", file: "events.csv", label: "Events (CSV)", facilitatorOnly: false },
  { path: "/turns.csv", file: "turns.csv", label: "Turns (CSV)", facilitatorOnly: false },
  {
    path: "/participation.csv",
    file: "participation.csv",
    label: "Participation (CSV)",
    facilitatorOnly: true,
  },
  { path: "/chat.csv", file: "chat.csv", label: "Chat transcript (CSV)", facilitatorOnly: false },
  { path: "/report.html", file: "report.html", label: "Printable report (HTML)", facilitatorOnly: false },
] as const;

/**
 * Fetches a member-only file with the bearer token and hands it to the browser as a download; the problem in
 * words, or null.
 */
async function download(url: string, filename: string, token: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    return "The server could not be reached.";
  }
  if (res.status === 404) return "This server does not offer that export.";
  if (res.status === 401) return "The server refused: this browser's token is not a member's of the game.";
  if (res.status === 403) return "Only the game's facilitator may download this.";
  if (!res.ok) return `The server could not give it (HTTP ${res.status}).`;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return null;
}

/** The replay's buttons and the downloads (participation only for a facilitator, as the server allows). */
export function ReviewTools({
  gameId,
  token,
  facilitator,
}: {
  gameId: string | null;
  token: string | null;
  facilitator: boolean;
}) {
  const status = useSignal("");
  const copied = useSignal("");
  if (!gameId || !token)
    return (
      <p>
        This browser holds no token for this game, so the replay and the downloads are not available here.
      </p>
    );
  const link = replayLink(window.location.origin, gameId);
  return (
    <>
      <p class="review-exports">
        <button type="button" onClick={() => openReplay({ kind: "game", gameId })}>
          Open the replay
        </button>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(link)
              .then(() => (copied.value = "Replay link copied."))
              .catch(() => (copied.value = `Copy this link: ${link}`))
          }
        >
          Copy the replay link
        </button>
        <span role="status">{copied.value}</span>
      </p>
      <p class="review-exports">
        {EXPORTS.filter((e) => facilitator || !e.facilitatorOnly).map((e) => (
          <button
            type="button"
            key={e.file}
            onClick={async () => {
              status.value = `Downloading ${e.label}…`;
              const problem = await download(
                `/api/records/${encodeURIComponent(gameId)}${e.path}`,
                `firebreak-${gameId}-${e.file}`,
                token,
              );
              status.value = problem ? `${e.label}: ${problem}` : `${e.label}: downloaded.`;
            }}
          >
            Download: {e.label}
          </button>
        ))}
      </p>
      <p role="status">{status.value}</p>
    </>
  );
}

type ChatLine = ClientView["chat"][number];

/**
 * The whole transcript the member could read, from the server; null when it cannot be had (the view's lines
 * then serve).
 */
async function wholeTranscript(gameId: string, token: string): Promise<ChatLine[] | null> {
  try {
    const res = await fetch(`/api/records/${encodeURIComponent(gameId)}/chat`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { lines?: unknown };
    return Array.isArray(body.lines) ? (body.lines as ChatLine[]) : null;
  } catch {
    return null;
  }
}

/**
 * Every chat message this member could read, by channel, oldest first: the whole transcript from the server
 * when this browser holds the game's token, else the view's lines (the newest of each channel).
 */
export function Transcript({
  v,
  gameId,
  token,
}: {
  v: ClientView;
  gameId: string | null;
  token: string | null;
}) {
  const whole = useSignal<ChatLine[] | null>(null);
  useEffect(() => {
    if (gameId && token) void wholeTranscript(gameId, token).then((l) => (whole.value = l));
  }, [gameId, token]);
  const lines = whole.value ?? v.chat;
  const channels = [...new Set(lines.map((l) => l.channel))];
  if (channels.length === 0) return <p>No messages were written that you could read.</p>;
  const who = (l: ChatLine) =>
    l.role === "system"
      ? "Game notice"
      : l.role === "bot"
        ? `${l.fromName} (bot)`
        : l.role === "facilitator"
          ? `${l.fromName} (facilitator)`
          : l.fromName;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard's focus to be scrolled without a mouse (WCAG 2.1.1).
    <section class="transcript" tabIndex={0} aria-label="Chat transcript">
      {channels.map((c) => (
        <section key={c} aria-label={`Channel ${c}`}>
          <h3>Channel: {c}</h3>
          <ul>
            {lines
              .filter((l) => l.channel === c)
              .map((l) => (
                <li key={l.id}>
                  <span class="turn">T{l.turn}</span> <span class="who">{who(l)}:</span> {l.text}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/**
 * The scenario's teacher material (case, learning objectives, debrief questions, notes, sources):
 * facilitators only.
 */
export function TeacherMaterial({ v }: { v: ClientView }) {
  const f = v.facilitator;
  if (!f) return null;
  const t = f.teacher;
  return (
    <section aria-labelledby="teacher-h">
      <h2 id="teacher-h">For the facilitator: the scenario's teaching material</h2>
      {!t && f.sources.length === 0 && <p>This scenario has no teacher's notes.</p>}
      {t && (
        <>
          <p>
            <strong>The case:</strong> {t.case}
          </p>
          {t.learningObjectives.length > 0 && (
            <>
              <h3>Learning objectives</h3>
              <ul>
                {t.learningObjectives.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </>
          )}
          {t.debriefQuestions.length > 0 && (
            <>
              <h3>Debrief questions</h3>
              <ol>
                {t.debriefQuestions.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ol>
            </>
          )}
          {t.notes && (
            <>
              <h3>Teacher's notes</h3>
              <p class="briefing">{t.notes}</p>
            </>
          )}
        </>
      )}
      {f.sources.length > 0 && (
        <>
          <h3>Sources</h3>
          <ul>
            {f.sources.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
