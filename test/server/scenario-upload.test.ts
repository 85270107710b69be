/**
 * A teacher's own scenario (docs/protocol.md §3.2): uploaded, owned by its key, played, never listed, kept
 * across a restart.
 */
import { readFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Client } from "@colyseus/sdk";
import { type GameRecord, replayRecord } from "@firebreak/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetUploadLimits } from "../../server/src/scenarios/routes.ts";
import { forgetUploads } from "../../server/src/scenarios/uploads.ts";
import { create, join, testServer } from "./harness.ts";

type Srv = Awaited<ReturnType<typeof testServer>>;
const tutorial = readFileSync(new URL("../../scenarios/tutorial.yaml", import.meta.url), "utf8");
/** The tutorial as a teacher's file: another title, and a bot persona named for each state. */
const teacherFile = tutorial
  .replace(/^id: tutorial$/m, "id: my-strait")
  .replace(/^title: .*$/m, 'title: "The Teacher\'s Strait"')
  .replace(/^ {2}- id: aldmark$/m, "  - id: aldmark\n    bot: dove")
  .replace(/^ {2}- id: serevan$/m, "  - id: serevan\n    bot: hawk");

let srv: Srv;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv?.close();
});

async function upload(s: Srv, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${s.http}/api/scenario-uploads`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function storedUploads(s: Srv): number {
  const db = new DatabaseSync(joinPath(s.dataDir, "firebreak.sqlite"));
  try {
    return Number((db.prepare("SELECT COUNT(*) AS n FROM uploads").get() as { n: number }).n);
  } finally {
    db.close();
  }
}

describe("a teacher's own scenario", () => {
  it("is checked, stored under an id and owner key, previewed, and never listed", async () => {
    expect(teacherFile).toContain("bot: hawk");
    const r = await upload(srv, { fileName: "my-strait.yaml", text: teacherFile });
    expect(r.status).toBe(201);
    const id = String(r.body.id);
    expect(id).toMatch(/^u-[a-z0-9]{16}$/);
    expect(String(r.body.key).length).toBeGreaterThanOrEqual(24);
    expect(r.body.preview).toMatchObject({
      id,
      title: "The Teacher's Strait",
      turns: 6,
      states: [
        {
          id: "aldmark",
          bot: "dove",
          objectives: expect.arrayContaining([expect.objectContaining({ points: expect.any(Number) })]),
        },
        { id: "serevan", bot: "hawk" },
      ],
    });
    const listed = (await (await fetch(`${srv.http}/api/scenarios`)).json()) as Array<{ id: string }>;
    expect(listed.map((s) => s.id)).not.toContain(id);
    const mine = await fetch(`${srv.http}/api/scenario-uploads/${id}`, {
      headers: { Authorization: `Bearer ${String(r.body.key)}` },
    });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { preview: { title: string } }).preview.title).toBe(
      "The Teacher's Strait",
    );
    // A wrong key and an id nobody uploaded get the same answer: nothing tells that the upload exists.
    const wrong = await fetch(`${srv.http}/api/scenario-uploads/${id}`, {
      headers: { Authorization: "Bearer not-the-key" },
    });
    const none = await fetch(`${srv.http}/api/scenario-uploads/u-aaaaaaaaaaaaaaaa`, {
      headers: { Authorization: "Bearer not-the-key" },
    });
    expect([wrong.status, none.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await none.json());
  });

  it("refuses bad uploads with specific errors, and stores nothing", async () => {
    resetUploadLimits();
    const before = storedUploads(srv);
    const yamlError = await upload(srv, {
      format: "yaml",
      text: teacherFile.replace("turns: 6\n", "turns: [6\n"),
    });
    expect(yamlError.status).toBe(422);
    expect(yamlError.body.code).toBe("INVALID_SCENARIO");
    expect((yamlError.body.problems as Array<{ message: string; line: number }>)[0]).toMatchObject({
      message: expect.stringMatching(/^not valid YAML: line \d+, column \d+/),
      line: expect.any(Number),
    });
    const invalid = await upload(srv, {
      format: "yaml",
      text: teacherFile.replace("bot: hawk", "bot: wizard"),
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.problems).toEqual([
      expect.objectContaining({ path: "states[1].bot", line: expect.any(Number) }),
    ]);
    const proto = await upload(srv, { format: "json", text: '{"__proto__": {"x": 1}, "id": "a"}' });
    expect(proto.body.problems).toEqual([
      { path: "__proto__", message: '"__proto__" is not allowed as a key' },
    ]);
    const deep = await upload(srv, { format: "json", text: `${"[".repeat(50_000)}${"]".repeat(50_000)}` });
    expect(deep.status).toBe(422);
    const big = await upload(srv, { format: "yaml", text: `# ${"x".repeat(300 * 1024)}` });
    expect([big.status, big.body.code]).toEqual([413, "SCENARIO_TOO_LARGE"]);
    const huge = await fetch(`${srv.http}/api/scenario-uploads`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ format: "yaml", text: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const noFormat = await upload(srv, { fileName: "notes.txt", text: teacherFile });
    expect([noFormat.status, noFormat.body.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(storedUploads(srv)).toBe(before);
  });

  it("limits uploads per address", async () => {
    resetUploadLimits();
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) answers.push((await upload(srv, { format: "json", text: "{}" })).status);
    expect(answers.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(answers[20]).toBe(429);
    resetUploadLimits();
  });

  it("plays in its facilitator's games and exercises only, with its bots; survives a restart and replays from its record", async () => {
    resetUploadLimits();
    const made = await upload(srv, { format: "yaml", text: teacherFile });
    const id = String(made.body.id);
    const key = String(made.body.key);
    // Another facilitator, without the key or with a wrong one, is told what an unknown scenario gets.
    const other = new Client(srv.url);
    const refusal = async (options: Record<string, unknown>): Promise<string> => {
      const e = await other.create("crisis", { name: "Other", ...options }).then(
        () => new Error("created"),
        (x: unknown) => x as Error,
      );
      return e.message.replace(/u-[a-z0-9]{16}/g, "<id>");
    };
    const unknown = await refusal({ scenario: "u-zzzzzzzzzzzzzzzz" });
    expect(unknown).toMatch(/UNKNOWN_SCENARIO/);
    expect(await refusal({ scenario: id })).toBe(unknown);
    expect(await refusal({ scenario: id, scenarioKey: "a-wrong-key-of-some-length" })).toBe(unknown);
    await expect(
      other.create("exercise", { scenario: id, scenarioKey: "wrong-key-000000", name: "X", tables: 2 }),
    ).rejects.toThrow(/UNKNOWN_SCENARIO/);

    // Its owner: a class game, a solo game cast from the file's personas, an exercise.
    const fac = await create(srv.url, { scenario: id, scenarioKey: key, name: "My class", turnSeconds: 0 });
    expect(fac.view.game.scenario.title).toBe("The Teacher's Strait");
    const lookup = (await (await fetch(`${srv.http}/api/games/${fac.view.session.code}`)).json()) as {
      scenario: { title: string } | null;
    };
    expect(lookup.scenario?.title).toBe("The Teacher's Strait");
    const solo = await create(srv.url, {
      scenario: id,
      scenarioKey: key,
      name: "Ana",
      solo: { seat: "aldmark" },
    });
    const playing = await solo.until((v) => v.session.phase === "planning");
    expect(playing.session.seats.find((s) => s.seat === "serevan")?.bot).toBe(true);
    await solo.room.leave();
    const ex = await new Client(srv.url).create("exercise", {
      scenario: id,
      scenarioKey: key,
      name: "Ex",
      tables: 2,
    });
    await ex.leave();

    // The game's journal does not keep the key.
    const entries = readFileSync(joinPath(srv.dataDir, "firebreak.sqlite")).toString("latin1");
    expect(entries.includes(key)).toBe(false);

    const ana = await join(srv.url, fac.room.roomId, {
      code: fac.view.session.code,
      name: "Ana",
      role: "player",
      seat: "aldmark",
    });
    const gameId = fac.room.roomId;
    const facToken = fac.token;
    await srv.close();
    forgetUploads();
    srv = await testServer({ dataDir: srv.dataDir });
    const back = await join(srv.url, gameId, { token: facToken });
    expect(back.view.game.scenario.title).toBe("The Teacher's Strait");
    void ana;
    expect((await back.ask("fac:start")).ok).toBe(true);
    expect((await back.ask("fac:end")).ok).toBe(true);
    await back.until((v) => v.session.phase === "ended");
    const res = await fetch(`${srv.http}/api/records/${gameId}`, {
      headers: { Authorization: `Bearer ${facToken}` },
    });
    expect(res.status).toBe(200);
    const record = (await res.json()) as GameRecord;
    expect(record.scenarioData?.id).toBe(id);
    expect(record.scenarioData?.states.map((s) => s.bot)).toEqual(["dove", "hawk"]);
    // The seat nobody took was played by the persona the file names for it.
    expect(record.seats).toEqual([
      { seat: "aldmark", controller: "human" },
      { seat: "serevan", controller: "bot:hawk" },
    ]);
    expect(JSON.stringify(record).includes(key)).toBe(false);
    const replayed = replayRecord(record, record.scenarioData as NonNullable<GameRecord["scenarioData"]>);
    expect(replayed.ok).toBe(true);
    // Its owner still uses it after the restart; nobody else still can.
    const again = await create(srv.url, { scenario: id, scenarioKey: key, name: "Again", turnSeconds: 0 });
    expect(again.view.game.scenario.title).toBe("The Teacher's Strait");
    await again.room.leave();
  });
});
