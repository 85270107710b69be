/**
 * The exercise room: N tables (crisis rooms) of one scenario under one facilitator (docs/protocol.md §20).
 * Its only members are the exercise's facilitators (whoever holds its key); it opens the tables, sends the
 * dashboard of every table and their comparison, and carries broadcasts and moves to the tables. Students
 * never connect to it: they join a table, found by the exercise's code.
 */
import { Room, type AuthContext, type Client, type MessageContext } from "@colyseus/core";
import {
  exerciseJoinSchema,
  exerciseRequestSchemas,
  rejection,
  type ExerciseDashboard,
  type ExerciseRequestType,
  type ExerciseWelcome,
} from "@firebreak/shared";
import { openTables } from "../exercises/tables.ts";
import { admitAt, broadcast, moveStudent } from "../exercises/broadcast.ts";
import { newExercise } from "../exercises/create.ts";
import type { Exercise } from "../exercises/model.ts";
import {
  claimExercise,
  exerciseByCode,
  exerciseById,
  releaseExercise,
  saveExercise,
  tableState,
} from "../exercises/registry.ts";
import { tableRows } from "../exercises/remote.ts";
import { compare } from "../exercises/results.ts";
import { codeInUse, roomsByCode } from "../games/registry.ts";
import { currentCreationLimits, wrongJoins } from "../http/limits.ts";
import { admitMatchmaking, matchmakeCall } from "../http/matchmake-admission.ts";
import { RESTORE_KEY, services } from "../services.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { randomMint, sameSecret } from "../session/tokens.ts";

/** The room type "exercise". */
export class ExerciseRoom extends Room {
  override maxMessagesPerSecond = 30;
  override autoDispose = false;
  ex!: Exercise;
  /** New codes unlike any game's and any exercise's (in a cluster, also those other processes made). */
  private readonly mint = randomMint((c) => codeInUse(c) || exerciseByCode(c) !== undefined);
  /** The creator's own join comes right after the create (it carries the create options). */
  private creatorPending = false;
  private sent = { dashboard: "", comparison: "" };

  /** Matchmaking: `create` within the creation limits; `joinById` with a key only (the room checks it). */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    const call = matchmakeCall(context);
    if (call?.method === "create") {
      admitMatchmaking(options, context);
      return true;
    }
    if (call?.method === "joinById" && typeof (options as { token?: unknown } | null)?.token === "string")
      return true;
    throw new Error(
      "BAD_TOKEN: an exercise is joined by id with its facilitator key; students join a table by code",
    );
  }

  override async onCreate(raw: unknown): Promise<void> {
    const o = (raw ?? {}) as { restore?: unknown; key?: unknown };
    if (o.restore !== undefined) {
      const kept = o.key === RESTORE_KEY ? exerciseById(String(o.restore)) : undefined;
      if (!kept) throw new Error("INVALID_REQUEST: exercises are restored by the server, not by clients");
      // In a cluster, one process runs an exercise's room: the one holding its lease.
      if (!claimExercise(kept.id)) throw new Error(`EXERCISE_HELD: another process runs exercise ${kept.id}`);
      this.ex = kept;
      // Tables a crash left unmade (between storing the exercise and opening them) are opened now.
      await openTables(this.ex, this.mint);
    } else {
      const made = newExercise(raw, this.mint, services().now());
      if (!made.ok) throw new Error(`${made.error.code}: ${made.error.message}`);
      const max = currentCreationLimits().maxGames;
      if (roomsByCode.size + made.value.tables.length > max)
        throw new Error(`SERVER_FULL: this server holds its limit of ${max} games; try again later`);
      this.ex = made.value;
      // Its lease first: another process's adoption look never sees it unclaimed.
      claimExercise(this.ex.id);
      saveExercise(this.ex);
      await openTables(this.ex, this.mint);
      this.creatorPending = true;
    }
    this.roomId = this.ex.id;
    for (const type of Object.keys(exerciseRequestSchemas) as ExerciseRequestType[])
      this.onMessage(type, (client: Client, payload: unknown, ctx: MessageContext) =>
        this.handle(client, type, payload, ctx),
      );
    this.clock.setInterval(() => void this.push(), 1000);
    // In a cluster the room runs while its process holds the exercise's lease: a connection to PostgreSQL that
    // broke may have lost it to another process, which then runs the exercise; this room closes. A store that
    // cannot answer now is asked again later.
    this.clock.setInterval(() => {
      try {
        if (!claimExercise(this.ex.id)) void this.disconnect();
      } catch {
        // unreachable now: the lease, if still held, is kept
      }
    }, 5000);
  }

  override onDispose(): void {
    // Another process may adopt it now (exercises/restore.ts).
    if (this.ex) releaseExercise(this.ex.id);
  }

  override onAuth(_client: Client, raw: unknown, context?: AuthContext): boolean {
    if (this.creatorPending) {
      this.creatorPending = false;
      return true;
    }
    const parsed = exerciseJoinSchema.safeParse(raw);
    if (parsed.success && sameSecret(parsed.data.token, this.ex.key)) return true;
    if (!wrongJoins.hit(context?.ip ?? "unknown"))
      throw new Error("RATE_LIMITED: too many wrong join codes; wait a minute and try again");
    throw new Error("BAD_TOKEN: that is not this exercise's facilitator key");
  }

  override async onJoin(client: Client): Promise<void> {
    const welcome: ExerciseWelcome = { exerciseId: this.ex.id, key: this.ex.key, code: this.ex.code };
    client.send("welcome", welcome);
    client.send("exercise", await this.dashboard());
    client.send(
      "comparison",
      compare(
        this.ex,
        this.ex.tables.map((t) => tableState(t.game)),
      ),
    );
  }

  /** The dashboard of every table now, wherever each runs. */
  async dashboard(): Promise<ExerciseDashboard> {
    const ex = this.ex;
    const scenario = services().scenario(ex.scenario);
    return {
      id: ex.id,
      name: ex.name,
      code: ex.code,
      scenario: { id: ex.scenario, title: scenario?.title ?? ex.scenario },
      hypothesis: ex.hypothesis,
      revealed: ex.revealed,
      treatments: ex.treatments.map((t, i) => ({
        label: t.label,
        tables: ex.tables.filter((x) => x.treatment === i).length,
      })),
      tables: await tableRows(ex),
    };
  }

  /** Whether a push is under way (its rows may come from other processes). */
  private pushing = false;

  /** Sends the dashboard and the comparison to every facilitator connected, when they changed. */
  private async push(): Promise<void> {
    if (this.clients.length === 0 || this.pushing) return;
    this.pushing = true;
    try {
      await this.pushNow();
    } finally {
      this.pushing = false;
    }
  }

  private async pushNow(): Promise<void> {
    const dashboard = await this.dashboard();
    const d = JSON.stringify(dashboard);
    if (d !== this.sent.dashboard) {
      this.sent.dashboard = d;
      this.broadcast("exercise", dashboard);
    }
    const comparison = compare(
      this.ex,
      this.ex.tables.map((t) => tableState(t.game)),
    );
    const c = JSON.stringify(comparison);
    if (c !== this.sent.comparison) {
      this.sent.comparison = c;
      this.broadcast("comparison", comparison);
    }
  }

  /**
   * One request: its shape (zod), then what it does; answered `{ ok: true, … }` or rejected `{ code, message
   * }`.
   */
  private async handle(
    client: Client,
    type: ExerciseRequestType,
    raw: unknown,
    ctx: MessageContext,
  ): Promise<unknown> {
    const parsed = exerciseRequestSchemas[type].safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const path = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : "";
      return ctx.reject({
        code: "INVALID_REQUEST",
        message: `Malformed "${type}" request${path}: ${first?.message ?? "invalid payload"}.`,
      });
    }
    const r = await this.carry(client, type, parsed.data);
    this.sent.dashboard = "";
    await this.push();
    return r.ok ? r.value : ctx.reject(rejection(r.error));
  }

  private async carry(client: Client, type: ExerciseRequestType, p: unknown): Promise<Result<unknown>> {
    const ex = this.ex;
    switch (type) {
      case "ex:broadcast": {
        const r = await broadcast(ex, p as Parameters<typeof broadcast>[1]);
        return r.ok ? ok({ ok: true, results: r.value }) : r;
      }
      case "ex:move": {
        const m = p as { member: string; from: string; to: string; seat?: string | null };
        const r = await moveStudent(ex, m.member, m.from, m.to, m.seat);
        return r.ok ? ok({ ok: true, roomId: r.value.roomId, invite: r.value.invite }) : r;
      }
      case "ex:admit": {
        const a = p as { table: string; member: string; admit: boolean };
        const r = await admitAt(ex, a.table, a.member, a.admit);
        return r.ok ? ok({ ok: true }) : r;
      }
      case "ex:reveal": {
        const changed = this.change({ ...ex, revealed: true });
        if (!changed.ok) return changed;
        // Each table is told its own treatment, in its public chat.
        for (const t of ex.tables) {
          const label = t.treatment === null ? null : ex.treatments[t.treatment]?.label;
          if (label)
            await broadcast(ex, {
              action: "message",
              text: `This table played the treatment "${label}".`,
              tables: [t.game],
            });
        }
        return ok({ ok: true, revealed: true });
      }
      case "ex:code": {
        const changed = this.change({ ...ex, code: this.mint.code() });
        return changed.ok ? ok({ ok: true, code: this.ex.code }) : changed;
      }
      default:
        client.send("exercise", await this.dashboard());
        return ok({ ok: true });
    }
  }

  /** Stores a changed exercise and adopts it, or says it could not be saved. */
  private change(next: Exercise): Result<true> {
    try {
      saveExercise(next);
    } catch (e) {
      return refuse("STORE_FAILED", `The exercise could not be saved: ${(e as Error).message}`);
    }
    this.ex = next;
    return ok(true);
  }
}
