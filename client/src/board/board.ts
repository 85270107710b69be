/**
 * The Phaser board: states at the scenario's coordinates, links styled by rung, incident markers, turn
 * animations.
 */
import Phaser from "phaser";
import { allPairs, pairMembers } from "@firebreak/shared/pairs";
import type { ClientView } from "../net/client.ts";
import { labelSpot, linkPath, type Box, type Point } from "./geometry.ts";
import { rungStyle } from "./rungs.ts";

const W = 900;
const H = 620;
const MARGIN = 110;
/**
 * Drawing order: links, then their labels, then the states' discs, then the states' names, figures and
 * markers.
 */
const DEPTH = { linkLabel: 1, disc: 2, stateLabel: 3 } as const;
/** Below this tension (the lowest rung) a crowded board labels a link with its number only. */
const QUIET_BELOW = 2;
/**
 * How far a link keeps from the centre of a state it does not join: it bows around the state's disc (radius
 * 42–46).
 */
const LINK_CLEARANCE = 58;
/**
 * How long the render loop runs after a change: the longest animation (the incident marker's blink) is 3 s.
 */
const ANIMATION_MS = 3200;
/** How long it runs after mounting, while Phaser boots and the first view is drawn. */
const BOOT_MS = 5000;

class BoardScene extends Phaser.Scene {
  private g!: Phaser.GameObjects.Graphics;
  /** The states' discs, above the links and their labels, so a label never covers a state's name. */
  private discs!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private current: ClientView | null = null;
  private lastTension: Record<string, number> = {};

  constructor() {
    super("board");
  }

  create(): void {
    this.g = this.add.graphics();
    this.discs = this.add.graphics().setDepth(DEPTH.disc);
    if (this.current) this.draw(this.current);
  }

  show(v: ClientView): void {
    this.current = v;
    if (this.g) this.draw(v);
  }

  /** Scenario coordinates, stretched to fill the board while keeping their arrangement. */
  private pos(v: ClientView, seat: string): { x: number; y: number } {
    const all = v.game.seats.map((s) => v.game.nations[s]?.position ?? { x: 50, y: 50 });
    const xs = all.map((p) => p.x);
    const ys = all.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const p = v.game.nations[seat]?.position ?? { x: 50, y: 50 };
    const fx = x1 > x0 ? (p.x - x0) / (x1 - x0) : 0.5;
    const fy = y1 > y0 ? (p.y - y0) / (y1 - y0) : 0.5;
    return { x: MARGIN + fx * (W - 2 * MARGIN), y: MARGIN + fy * (H - 2 * MARGIN) };
  }

  /** Draws a path (a link) with a dash pattern that runs on across its bends. */
  private dashed(path: readonly Point[], dash: [number, number]): void {
    let phase = 0;
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1] as Point;
      const b = path[i] as Point;
      if (dash[0] === 0) {
        this.g.lineBetween(a.x, a.y, b.x, b.y);
        continue;
      }
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (len === 0) continue;
      const ux = (b.x - a.x) / len;
      const uy = (b.y - a.y) / len;
      const period = dash[0] + dash[1];
      for (let d = -phase; d < len; d += period) {
        const s0 = Math.max(0, d);
        const e = Math.min(len, d + dash[0]);
        if (e > s0) this.g.lineBetween(a.x + ux * s0, a.y + uy * s0, a.x + ux * e, a.y + uy * e);
      }
      phase = (phase + len) % period;
    }
  }

  /** True once a view has been drawn. */
  drawn = false;

  /** True while an animation is running (the loop must not sleep before it has drawn its last frame). */
  animating(): boolean {
    return this.tweens.getTweens().length > 0;
  }

  private draw(v: ClientView): void {
    this.drawn = true;
    this.g.clear();
    this.discs.clear();
    for (const l of this.labels) l.destroy();
    this.labels = [];
    const me = v.me.seat;
    const recent = v.game.incidents.filter((i) => i.turn >= v.game.turn - 1);
    // What a link's label must not cover: every state's disc, figures and incident marker, then the labels
    // already placed.
    const boxes: Box[] = [];
    for (const seat of v.game.seats) {
      const p = this.pos(v, seat);
      const n = v.game.nations[seat];
      const mine = seat === me;
      const radius = mine ? 46 : 42;
      this.discs.fillStyle(mine ? 0x0b7285 : 0x343a40, 1);
      this.discs.fillCircle(p.x, p.y, radius);
      this.discs.lineStyle(3, 0xffffff, 1);
      this.discs.strokeCircle(p.x, p.y, radius);
      // Your state is told apart without colour: a second, outer ring and the word "You" above it.
      if (mine) {
        this.discs.lineStyle(3, 0x111111, 1);
        this.discs.strokeCircle(p.x, p.y, radius + 5);
        const you = this.add
          .text(p.x, p.y - radius - 16, "You", {
            fontFamily: "DejaVu Sans, sans-serif",
            fontSize: "15px",
            color: "#ffffff",
            backgroundColor: "#111111",
            fontStyle: "bold",
            padding: { x: 4, y: 1 },
          })
          .setOrigin(0.5)
          .setDepth(DEPTH.stateLabel);
        this.labels.push(you);
        boxes.push({ x: you.x, y: you.y, hw: you.width / 2, hh: you.height / 2 });
      }
      const name = this.add
        .text(p.x, p.y, n?.name ?? seat, {
          fontFamily: "DejaVu Sans, sans-serif",
          fontSize: "17px",
          color: "#ffffff",
          fontStyle: "bold",
        })
        .setOrigin(0.5)
        .setDepth(DEPTH.stateLabel);
      // White on the disc only: a long name ("Westmark", "Tarnovia") is shrunk to fit inside it.
      if (name.width > 2 * radius - 8) name.setScale((2 * radius - 8) / name.width);
      this.labels.push(name);
      const stats = this.add
        .text(
          p.x,
          p.y + 58,
          `Econ ${n?.economy.toFixed(1)}  Stab ${n?.stability.toFixed(1)}  Rep ${n?.reputation.toFixed(1)}`,
          {
            fontFamily: "DejaVu Sans, sans-serif",
            fontSize: "15px",
            color: "#111",
            backgroundColor: "#ffffffee",
            padding: { x: 2, y: 1 },
          },
        )
        .setOrigin(0.5)
        .setDepth(DEPTH.stateLabel);
      // Kept whole on the board when the state sits near its left or right edge.
      stats.setX(Math.min(Math.max(p.x, stats.width / 2 + 2), W - stats.width / 2 - 2));
      this.labels.push(stats);
      boxes.push(
        { x: p.x, y: p.y, hw: radius, hh: radius },
        { x: stats.x, y: stats.y, hw: stats.width / 2, hh: stats.height / 2 },
      );
      const hits = recent.filter((i) => i.target === seat).length;
      if (hits > 0) {
        const marker = this.add
          .text(p.x + 42, p.y - 44, `⚠ ${hits}`, {
            fontFamily: "DejaVu Sans, sans-serif",
            fontSize: "14px",
            color: "#ffffff",
            backgroundColor: "#c92a2a",
            padding: { x: 4, y: 2 },
          })
          .setOrigin(0.5)
          .setDepth(DEPTH.stateLabel);
        this.labels.push(marker);
        boxes.push({ x: marker.x, y: marker.y, hw: marker.width / 2, hh: marker.height / 2 });
        // A yoyo tween ends where it started: leave the marker fully visible once the blink is over.
        this.tweens.add({
          targets: marker,
          alpha: { from: 0.2, to: 1 },
          duration: 500,
          yoyo: true,
          repeat: 2,
          onComplete: () => marker.setAlpha(1),
        });
      }
    }
    const crowded = v.game.seats.length > 4;
    // The tensest links choose their labels' places first.
    const pairs = allPairs(v.game.seats).sort((x, y) => (v.game.tension[y] ?? 0) - (v.game.tension[x] ?? 0));
    for (const key of pairs) {
      const [a, b] = pairMembers(key);
      const t = v.game.tension[key] ?? 0;
      const st = rungStyle(t);
      const pa = this.pos(v, a);
      const pb = this.pos(v, b);
      this.g.lineStyle(st.width, st.colour, 1);
      const others = v.game.seats.filter((x) => x !== a && x !== b).map((x) => this.pos(v, x));
      const path = linkPath(pa, pb, others, LINK_CLEARANCE);
      this.dashed(path, st.dash);
      // On a crowded board (more than four states) a pair at the lowest rung shows its number only; the
      // ladder names it.
      const text = crowded && t < QUIET_BELOW ? t.toFixed(1) : `${t.toFixed(1)} ${st.name}`;
      const label = this.add
        .text(0, 0, text, {
          fontFamily: "DejaVu Sans, sans-serif",
          fontSize: "17px",
          color: "#111",
          backgroundColor: "#ffffffee",
          padding: { x: 3, y: 1 },
        })
        .setOrigin(0.5)
        .setDepth(DEPTH.linkLabel);
      const spot = labelSpot(path, boxes, label.width / 2, label.height / 2);
      label.setPosition(spot.x, spot.y);
      boxes.push({ x: spot.x, y: spot.y, hw: label.width / 2, hh: label.height / 2 });
      this.labels.push(label);
      const before = this.lastTension[key];
      if (before !== undefined && Math.abs(before - t) >= 0.3) {
        this.tweens.add({ targets: label, scale: { from: 1.5, to: 1 }, duration: 700, ease: "Back.Out" });
      }
    }
    this.lastTension = { ...v.game.tension };
  }
}

/** Mounts the board in a container; returns a function to update it with a new view. */
export function mountBoard(parent: HTMLElement): { update: (v: ClientView) => void; destroy: () => void } {
  const scene = new BoardScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: W,
    height: H,
    backgroundColor: "#f1f3f5",
    scene,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    banner: false,
    audio: { noAudio: true },
  });
  // The board changes only when a view arrives, so the render loop sleeps once the last animation is done: an
  // idle board costs no CPU (classroom laptops render WebGL in software). A view, a resize or the tab coming
  // back wakes it.
  let sleepTimer: number | undefined;
  const awake = (ms = ANIMATION_MS): void => {
    game.loop.wake();
    window.clearTimeout(sleepTimer);
    const rest = (): void => {
      // Never before the scene has drawn a view (a board put to sleep while booting would stay blank), nor
      // mid-animation.
      if (scene.drawn && !scene.animating()) game.loop.sleep();
      else sleepTimer = window.setTimeout(rest, 250);
    };
    sleepTimer = window.setTimeout(rest, ms);
  };
  const onResize = (): void => awake(500);
  window.addEventListener("resize", onResize);
  game.events.on(Phaser.Core.Events.VISIBLE, () => awake(500));
  awake(BOOT_MS);
  return {
    update: (v) => {
      awake();
      scene.show(v);
      // Which turn the board shows, for tests and tools (the canvas itself cannot be read).
      parent.dataset.turn = String(v.game.turn);
    },
    destroy: () => {
      window.clearTimeout(sleepTimer);
      window.removeEventListener("resize", onResize);
      game.destroy(true);
    },
  };
}
