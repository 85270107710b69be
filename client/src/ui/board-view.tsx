/**
 * The Phaser board (loaded on demand) and the escalation ladder beside it, whose rungs differ in line pattern
 * and width as well as colour.
 */
import { useEffect, useRef } from "preact/hooks";
import { RUNGS } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { rungStyle } from "../board/rungs.ts";

/** The board: a picture of what the states table and the ladder say in words. */
export function Board({ v }: { v: ClientView }) {
  const ref = useRef<HTMLDivElement>(null);
  const board = useRef<{ update: (v: ClientView) => void; destroy: () => void } | null>(null);
  // The newest view: the board module loads asynchronously, and views (a whole turn, in a solo game) can
  // arrive meanwhile.
  const latest = useRef(v);
  latest.current = v;
  useEffect(() => {
    let alive = true;
    void import("../board/board.ts").then((m) => {
      if (!alive || !ref.current) return;
      board.current = m.mountBoard(ref.current);
      board.current.update(latest.current);
      (window as unknown as { __boardReady?: boolean }).__boardReady = true;
    });
    return () => {
      alive = false;
      board.current?.destroy();
    };
  }, []);
  useEffect(() => board.current?.update(v), [v]);
  return (
    <div
      ref={ref}
      class="board"
      role="img"
      aria-label={
        `Map of ${v.game.seats.length} states. The table "States" below it gives each ` +
        `state's economy, stability, reputation and what hit it lately; the escalation ladder gives the tension between each pair`
      }
    />
  );
}

/** A rung's line as the board draws it: its dash pattern and width, so rungs differ without colour. */
function RungSwatch({ min }: { min: number }) {
  const st = rungStyle(min);
  const [dash, gap] = st.dash;
  return (
    <svg class="swatch" width="40" height="10" aria-hidden="true" data-rung={st.name}>
      <line
        x1="0"
        y1="5"
        x2="40"
        y2="5"
        stroke={st.css}
        stroke-width={Math.min(8, st.width)}
        stroke-dasharray={dash === 0 ? undefined : `${dash} ${gap}`}
      />
    </svg>
  );
}

/** The ladder: every rung from the brink down, with the pairs of states on it. */
export function Ladder({ v }: { v: ClientView }) {
  const pairs = Object.entries(v.game.tension).sort((a, b) => b[1] - a[1]);
  const name = (p: string) =>
    p
      .split("|")
      .map((s) => v.game.nations[s]?.name ?? s)
      .join("–");
  return (
    <aside class="ladder" aria-labelledby="ladder-h">
      <h2 id="ladder-h">Escalation ladder</h2>
      <ol reversed>
        {RUNGS.slice()
          .reverse()
          .map((r) => (
            <li key={r.name}>
              <RungSwatch min={r.min} /> {r.min}+ {r.name}
              <ul>
                {pairs
                  .filter(([, t]) => rungStyle(t).name === r.name)
                  .map(([p, t]) => (
                    <li key={p}>
                      {name(p)}: {t.toFixed(1)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
      </ol>
    </aside>
  );
}
