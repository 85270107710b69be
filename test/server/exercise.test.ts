/**
 * Exercises over real WebSockets: N tables under one facilitator and one code, broadcasts, treatments, the
 * CSV.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  replayRecord,
  type CodeLookup,
  type ExerciseComparison,
  type ExerciseDashboard,
  type GameRecord,
  type Scenario,
  type TableResult,
} from "@firebreak/shared";
import { Teacher } from "./exercise-teacher.ts";
import { join, testServer, type Peer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

async function lookup(code: string): Promise<CodeLookup> {
  const res = await fetch(`${srv.http}/api/games/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as CodeLookup;
}

describe("an exercise of three tables with two treatments", () => {
  let teacher: Teacher;
  const students: Peer[] = [];

  it("the facilitator creates it: three tables, treatments assigned two and one, the hypothesis kept", async () => {
    const room = await new Client(srv.url).create("exercise", {
      scenario: "tutorial",
      name: "Class 3B",
      tables: 3,
      turnSeconds: 600,
      seed: "ex-1",
      hypothesis: "A hotline from the start keeps the peace.",
      treatments: [
        { label: "Arm A: early hotline", options: { cbms: ["hotline"] } },
        { label: "Arm B: riskier brink", options: { params: { brinkWarChance: 0.3 } } },
      ],
    });
    teacher = new Teacher(room);
    const d = await teacher.until((x) => x.tables.length === 3);
    expect(d.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(d.hypothesis).toBe("A hotline from the start keeps the peace.");
    expect(d.treatments.map((t) => t.tables).sort()).toEqual([1, 2]);
    expect(d.tables.every((t) => t.phase === "lobby")).toBe(true);
    expect(teacher.key.length).toBeGreaterThan(10);
  });

  it("six students join by the one code and land on balanced tables, one per seat", async () => {
    const code = (teacher.dashboard as ExerciseDashboard).code;
    for (const name of ["Ana", "Ben", "Cy", "Dee", "Eli", "Flo"]) {
      const found = await lookup(code.toLowerCase());
      expect(found.exercise?.name).toBe("Class 3B");
      expect(found.seat).toBeTruthy();
      students.push(
        await join(srv.url, found.roomId, { code: found.code, name, role: "player", seat: found.seat }),
      );
    }
    const d = await teacher.until((x) => x.tables.every((t) => t.seats.every((s) => s.players.length === 1)));
    expect(d.tables.map((t) => t.seats.reduce((a, s) => a + s.players.length, 0))).toEqual([2, 2, 2]);
  });

  it("nothing a student receives names the treatment", () => {
    for (const s of students) {
      const all = s.raw.join("\n");
      expect(all).not.toContain("Arm A");
      expect(all).not.toContain("Arm B");
      expect(all).not.toContain("treatment");
    }
  });

  it("a broadcast starts every table, and an inject reaches every table", async () => {
    const started = (await teacher.ask("ex:broadcast", { action: "start" })) as { results: TableResult[] };
    expect(started.results.map((r) => r.ok)).toEqual([true, true, true]);
    for (const s of students) await s.until((v) => v.session.phase === "planning");
    const inject = {
      inject: { id: "storm", title: "A storm", text: "A storm cuts a cable.", effects: [] },
    };
    const sent = (await teacher.ask("ex:broadcast", { action: "inject", inject })) as {
      results: TableResult[];
    };
    expect(sent.results.map((r) => r.ok)).toEqual([true, true, true]);
    for (const s of students) await s.until((v) => JSON.stringify(v.game).includes("A storm cuts a cable."));
    // Starting again: each table answers for itself.
    const again = (await teacher.ask("ex:broadcast", { action: "start" })) as { results: TableResult[] };
    expect(again.results.map((r) => r.code)).toEqual(["NOT_IN_LOBBY", "NOT_IN_LOBBY", "NOT_IN_LOBBY"]);
  });

  it("the facilitator's key opens every table's console", async () => {
    const d = teacher.dashboard as ExerciseDashboard;
    for (const t of d.tables) {
      const fac = await join(srv.url, t.id, { token: teacher.key });
      expect(fac.view.me.role).toBe("facilitator");
      await fac.room.leave();
    }
  });

  it("a student moves between tables: an invite to the new one, removed from the old", async () => {
    const d = teacher.dashboard as ExerciseDashboard;
    const [from, to] = d.tables as [ExerciseDashboard["tables"][number], ExerciseDashboard["tables"][number]];
    const member = from.seats[0]?.players[0]?.id as string;
    const moved = (await teacher.ask("ex:move", { member, from: from.id, to: to.id })) as {
      roomId: string;
      invite: string;
    };
    expect(moved.roomId).toBe(to.id);
    const again = await join(srv.url, moved.roomId, { invite: moved.invite, name: "Moved" });
    expect(again.view.me.seat).toBe(from.seats[0]?.seat);
    await teacher.until((x) => x.tables[0]?.seats[0]?.players.length === 0);
  });

  it("hostile ids are refused and change nothing", async () => {
    const d = teacher.dashboard as ExerciseDashboard;
    for (const bad of ["__proto__", "constructor", "toString"]) {
      const r = await teacher.ask("ex:broadcast", { action: "pause", tables: [bad] });
      expect(r.rejected?.code).toBe("UNKNOWN_TABLE");
      const m = await teacher.ask("ex:move", { member: bad, from: d.tables[0]?.id, to: d.tables[1]?.id });
      expect(m.rejected?.code).toBe("UNKNOWN_MEMBER");
      const t = await teacher.ask("ex:move", { member: "m1", from: bad, to: d.tables[1]?.id });
      expect(t.rejected?.code).toBe("UNKNOWN_TABLE");
    }
    const odd = await teacher.ask("ex:broadcast", { action: "__proto__" });
    expect(odd.rejected?.code).toBe("INVALID_REQUEST");
    const after = await teacher.until(() => true);
    expect(after.tables.every((t) => t.phase === "planning" && !t.paused)).toBe(true);
  });

  it("tables.csv: one row per table for the exercise's key, 401 for anyone else", async () => {
    const d = teacher.dashboard as ExerciseDashboard;
    const url = `${srv.http}/api/exercises/${d.id}/tables.csv`;
    expect((await fetch(url)).status).toBe(401);
    const student = students[1] as Peer;
    expect((await fetch(url, { headers: { Authorization: `Bearer ${student.token}` } })).status).toBe(401);
    const proto = `${srv.http}/api/exercises/__proto__/tables.csv`;
    expect((await fetch(proto, { headers: { Authorization: `Bearer ${teacher.key}` } })).status).toBe(401);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${teacher.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("treatment");
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[2])
        .sort(),
    ).toEqual([...(teacher.comparison?.tables.map((t) => t.treatment ?? "") ?? [])].sort());
  });

  it("a message reaches every table's chat; ending every table fills the comparison; a treated table's record replays", async () => {
    const said = (await teacher.ask("ex:broadcast", { action: "message", text: "Five minutes left." })) as {
      results: TableResult[];
    };
    expect(said.results.every((r) => r.ok)).toBe(true);
    await (students[2] as Peer).until((v) => v.chat.some((m) => m.text === "Five minutes left."));
    const ended = (await teacher.ask("ex:broadcast", { action: "end" })) as { results: TableResult[] };
    expect(ended.results.every((r) => r.ok)).toBe(true);
    const d = await teacher.until((x) => x.tables.every((t) => t.phase === "ended"));
    const start = Date.now();
    while (!teacher.comparison?.tables.every((t) => t.ended) && Date.now() - start < 10_000)
      await new Promise((r) => setTimeout(r, 20));
    const c = teacher.comparison as ExerciseComparison;
    expect(c.arms.map((a) => a.label)).toEqual([
      "Arm A: early hotline",
      "Arm B: riskier brink",
      "All tables",
    ]);
    expect(c.arms[2]?.shares.facilitatorEnded.value).toBe(1);
    expect(c.arms[2]?.ended).toBe(3);
    const riskier = d.tables.find(
      (t) => t.treatment === "Arm B: riskier brink",
    ) as ExerciseDashboard["tables"][number];
    const res = await fetch(`${srv.http}/api/records/${riskier.id}`, {
      headers: { Authorization: `Bearer ${teacher.key}` },
    });
    expect(res.status).toBe(200);
    const record = (await res.json()) as GameRecord;
    expect(record.scenarioData?.params?.brinkWarChance).toBe(0.3);
    expect(replayRecord(record, record.scenarioData as Scenario).ok).toBe(true);
  });

  it("the exercise's room takes only its key", async () => {
    const d = teacher.dashboard as ExerciseDashboard;
    await expect(new Client(srv.url).joinById(d.id, { token: "not-the-key-at-all" })).rejects.toThrow(
      /BAD_TOKEN/,
    );
    await expect(new Client(srv.url).joinById(d.id, {})).rejects.toThrow(/BAD_TOKEN/);
    const again = new Teacher(await new Client(srv.url).joinById(d.id, { token: teacher.key }));
    const seen = await again.until((x) => x.id === d.id);
    expect(seen.tables).toHaveLength(3);
    await again.room.leave();
  });

  it("a turn a day: tables with a day's deadline and no bot takeover of absent students", async () => {
    const room = await new Client(srv.url).create("exercise", {
      scenario: "tutorial",
      name: "Weekly",
      tables: 1,
      turnSeconds: 86_400,
    });
    const weekly = new Teacher(room);
    const d = await weekly.until((x) => x.tables.length === 1);
    const fac = await join(srv.url, d.tables[0]?.id as string, { token: weekly.key });
    expect(fac.view.session.settings.takeover).toBe(false);
    const found = await lookup(d.code);
    await join(srv.url, found.roomId, { code: found.code, name: "Gus", seat: found.seat });
    expect((await weekly.ask("ex:broadcast", { action: "start" })).rejected).toBeUndefined();
    const v = await fac.until((x) => x.session.phase === "planning");
    expect((v.session.deadline ?? 0) - Date.now()).toBeGreaterThan(86_000_000);
    // A late student at a full table knocks; the dashboard shows it and lets them in.
    const late = await join(srv.url, found.roomId, { code: found.code, name: "Hal", seat: found.seat });
    const knocking = await weekly.until((x) => (x.tables[0]?.knocks.length ?? 0) === 1);
    const knock = knocking.tables[0]?.knocks[0] as { id: string; seat: string };
    expect(knock.seat).toBe(found.seat);
    const bad = await weekly.ask("ex:admit", { table: "__proto__", member: knock.id, admit: true });
    expect(bad.rejected?.code).toBe("UNKNOWN_TABLE");
    expect(
      (await weekly.ask("ex:admit", { table: d.tables[0]?.id, member: knock.id, admit: true })).rejected,
    ).toBeUndefined();
    await late.until((x) => x.me.seat === found.seat);
    await fac.room.leave();
    await room.leave();
  });

  it("bad create options are refused: unknown scenario, too many tables, a client posing as the server", async () => {
    const c = new Client(srv.url);
    await expect(c.create("exercise", { scenario: "nope", name: "X", tables: 2 })).rejects.toThrow(
      /UNKNOWN_SCENARIO/,
    );
    await expect(c.create("exercise", { scenario: "tutorial", name: "X", tables: 99 })).rejects.toThrow(
      /INVALID_REQUEST/,
    );
    await expect(
      c.create("exercise", {
        scenario: "tutorial",
        name: "X",
        tables: 2,
        treatments: [{ label: "a", options: { params: { noSuchParam: 1 } } }],
      }),
    ).rejects.toThrow(/INVALID_REQUEST/);
    await expect(c.create("exercise", { restore: "x1", key: "guess" })).rejects.toThrow(/INVALID_REQUEST/);
    await expect(c.create("crisis", { table: {}, key: "guess" })).rejects.toThrow(/INVALID_REQUEST/);
  });
});
