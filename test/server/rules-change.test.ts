/**
 * A game keeps the rules it began under: restarted (or woken) on a server whose engine cannot prove it plays
 * the same game, a game is closed with a notice instead of changed; one whose journal still matches goes on.
 * The rules versions here are forged in the store relative to the engine's, so the test holds whatever the
 * current version is.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Client } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { findScenario } from "@firebreak/shared/scenario-files";
import { RULES_VERSION, replayRecord, stateHash, type GameRecord, type GameState } from "@firebreak/shared";
import { openSqliteStore, UNVERSIONED_RULES } from "../../server/src/store/sqlite-store.ts";
import { create, join, joinSeat, testServer, type Peer } from "./harness.ts";
import { endTurn } from "./turns.ts";

type Server = Awaited<ReturnType<typeof testServer>>;
let running: Server | null = null;
afterAll(async () => {
  await running?.close();
});

const OLDER = RULES_VERSION - 1;
const NOTICE = new RegExp(
  `made under rules v${OLDER} and this server runs v${RULES_VERSION}, so it was closed`.replace(/\./g, "\\."),
);
const scenario = (() => {
  const s = findScenario("baltic-fog");
  if (!s.ok) throw new Error("baltic-fog does not load");
  return s.scenario;
})();

/** A class game of baltic-fog with Ana on aestria (the other seats bots), started. */
async function classGame(
  url: string,
  seed: string,
): Promise<{ id: string; code: string; fac: Peer; ana: Peer }> {
  const fac = await create(url, { scenario: "baltic-fog", name: "Trainer", seed, turnSeconds: 0 });
  const ana = await joinSeat(url, fac, "Ana", "aestria");
  expect((await fac.ask("fac:start")).ok).toBe(true);
  await ana.until((v) => v.session.phase === "planning");
  return { id: fac.room.roomId, code: fac.view.session.code, fac, ana };
}

/** Starts a server over `dataDir`, returning it with what it wrote to stderr while starting. */
async function restart(dataDir: string, idleSeconds?: number): Promise<{ srv: Server; log: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    const srv = await testServer({ dataDir, ...(idleSeconds === undefined ? {} : { idleSeconds }) });
    running = srv;
    return { srv, log: lines.join("") };
  } finally {
    spy.mockRestore();
  }
}

/** Changes the store behind a server's back, as an older server (or a damaged disk) would have left it. */
function forge(dataDir: string, sql: string, ...params: string[]): void {
  const db = new DatabaseSync(joinPath(dataDir, "firebreak.sqlite"));
  db.prepare(sql).run(...params);
  db.close();
}

const TAMPER_RESOLVE = `UPDATE journal SET entry = json_set(entry, '$.hash', '0000000000000000')
  WHERE game = ? AND json_extract(entry, '$.step.type') = 'resolve'`;

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe("a game keeps the rules it began under", () => {
  it(
    "under other rules, a game whose journal still matches goes on, one that does not is closed " +
      "with a notice and its record stays readable",
    async () => {
      const first = await testServer();
      running = first;
      const same = await classGame(first.url, "rules-same");
      await endTurn(same.ana, []);
      const differs = await classGame(first.url, "rules-differs");
      await endTurn(differs.ana, []);
      // Its members know it by a new code (the lookups below use it).
      const createdWith = differs.code;
      expect((await differs.fac.ask("fac:code")).ok).toBe(true);
      differs.code = (await differs.fac.until((v) => v.session.code !== differs.code)).session.code;
      const ended = await classGame(first.url, "rules-ended");
      expect((await ended.fac.ask("fac:end")).ok).toBe(true);
      const debrief = await ended.fac.until(
        (v) => v.session.phase === "ended" && v.session.stateHash !== null,
      );
      for (const g of [same, differs, ended]) for (const p of [g.fac, g.ana]) await p.room.leave(true);
      await first.close();
      running = null;

      // Every game now says it was made under older rules; one journal no longer matches at its resolution.
      forge(first.dataDir, "UPDATE games SET rules = ?", String(OLDER));
      forge(first.dataDir, TAMPER_RESOLVE, differs.id);
      const { srv, log } = await restart(first.dataDir);
      expect(srv.restored).toBe(1);
      expect(log).toMatch(
        new RegExp(
          `game ${differs.id} \\(created with code ${createdWith}\\) closed, not restored: RULES_CHANGED`,
        ),
      );
      expect(log).toMatch(NOTICE);

      // The game that still matches goes on, under this engine's rules.
      const fac = await join(srv.url, same.id, { token: same.fac.token });
      const ana = await join(srv.url, same.id, { token: same.ana.token });
      expect(ana.view.game.turn).toBe(2);
      await endTurn(ana, []);
      expect(ana.view.game.turn).toBe(3);
      await fac.room.leave(true);
      await ana.room.leave(true);

      // The closed one: its code, its members' tokens and a join by code say why; it does not come back.
      const lookup = await fetch(`${srv.http}/api/games/${differs.code}`);
      expect(lookup.status).toBe(410);
      const notice = (await lookup.json()) as { code: string; message: string };
      expect(notice.code).toBe("RULES_CHANGED");
      expect(notice.message).toMatch(NOTICE);
      await expect(new Client(srv.url).joinById(differs.id, { token: differs.ana.token })).rejects.toThrow(
        /not found/,
      );
      const woken = await fetch(`${srv.http}/api/games/${differs.id}/wake`, {
        method: "POST",
        ...bearer(differs.ana.token),
      });
      expect(woken.status).toBe(410);
      expect(await woken.json()).toEqual(notice);
      const stranger = await fetch(`${srv.http}/api/games/${differs.id}/wake`, {
        method: "POST",
        ...bearer("not-a-token-of-this-game"),
      });
      expect(stranger.status).toBe(401);
      await expect(
        new Client(srv.url).join("crisis", { code: differs.code, name: "Late", role: "observer" }),
      ).rejects.toThrow(/^RULES_CHANGED: .*so it was closed/);

      // Its record is readable by its members only: made under the older rules, closed, with the state of its
      // last turn.
      expect((await fetch(`${srv.http}/api/records/${differs.id}`)).status).toBe(401);
      const res = await fetch(`${srv.http}/api/records/${differs.id}`, bearer(differs.ana.token));
      expect(res.status).toBe(200);
      const record = (await res.json()) as GameRecord;
      expect(record.rulesVersion).toBe(OLDER);
      expect(record.closed).toMatchObject({ reason: "rulesChanged", engineRulesVersion: RULES_VERSION });
      expect(record.closed?.message).toBe(notice.message);
      const last = record.finalState as GameState;
      expect(last.turn).toBe(2);
      expect(record.finalHash).toBe(stateHash(last));
      expect(record.steps.filter((s) => s.type === "resolve")).toHaveLength(1);
      expect(record.seats.map((s) => s.seat)).toEqual(last.seats);
      expect(JSON.stringify(record)).not.toContain(differs.ana.token);
      // The replay refuses it by name, as every record of other rules.
      const replay = replayRecord(record, scenario);
      expect(replay.ok ? "replayed" : replay.divergence.reason).toBe(
        `record made with rules v${OLDER}, engine is v${RULES_VERSION}`,
      );

      // The game that had ended keeps the record it was given at its end, final state included.
      const endedRes = await fetch(`${srv.http}/api/records/${ended.id}`, bearer(ended.ana.token));
      expect(endedRes.status).toBe(200);
      const endedRecord = (await endedRes.json()) as GameRecord;
      expect(endedRecord.finalHash).toBe(debrief.session.stateHash);
      expect(stateHash(endedRecord.finalState as GameState)).toBe(endedRecord.finalHash);

      await srv.close();
      running = null;
      const store = openSqliteStore(joinPath(first.dataDir, "firebreak.sqlite"));
      expect(store.unfinished().map((g) => g.id)).toEqual([same.id]);
      expect(store.game(same.id)?.rules).toBe(RULES_VERSION);
      expect(store.game(differs.id)).toMatchObject({
        ended: true,
        rules: OLDER,
        closed: { reason: "rulesChanged" },
      });
      store.close();
    },
  );

  it("a game that no longer matches when it wakes from sleep is closed then, and its members learn why", async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), "fb-rules-"));
    const { srv } = await restart(dataDir, 1);
    const g = await classGame(srv.url, "rules-sleep");
    await endTurn(g.ana, []);
    await g.fac.room.leave(true);
    await g.ana.room.leave(true);
    for (let i = 0; i < 1000 && matchMaker.getLocalRoomById(g.id); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(matchMaker.getLocalRoomById(g.id)).toBeUndefined();

    forge(dataDir, "UPDATE games SET rules = ? WHERE id = ?", String(OLDER), g.id);
    forge(dataDir, TAMPER_RESOLVE, g.id);
    const woken = await fetch(`${srv.http}/api/games/${g.id}/wake`, {
      method: "POST",
      ...bearer(g.fac.token),
    });
    expect(woken.status).toBe(410);
    expect(((await woken.json()) as { message: string }).message).toMatch(NOTICE);
    expect((await fetch(`${srv.http}/api/games/${g.code}`)).status).toBe(410);
    const record = await fetch(`${srv.http}/api/records/${g.id}`, bearer(g.ana.token));
    expect(((await record.json()) as GameRecord).closed?.reason).toBe("rulesChanged");
  });

  it(
    "a server started over a database of the older schema keeps every game: the ended one's record " +
      "reads, the other plays on or says why not",
    async () => {
      const dataDir = mkdtempSync(joinPath(tmpdir(), "fb-rules-old-"));
      const db = new DatabaseSync(joinPath(dataDir, "firebreak.sqlite"));
      db.exec(`
      CREATE TABLE games (id TEXT PRIMARY KEY, code TEXT NOT NULL, created INTEGER NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE journal (game TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (game, seq));
      ALTER TABLE games ADD COLUMN quarantine TEXT;
    `);
      const fac = { id: "mFold", name: "Fac", role: "facilitator", seat: null, token: "tok-fac-old-0000000" };
      const ana = { id: "mAold", name: "Ana", role: "player", seat: "aestria", token: "tok-ana-old-0000000" };
      const options = { scenario: "baltic-fog", name: "Old", turnSeconds: 0, botLevel: "normal", solo: null };
      const journal = (code: string, seed: string) => [
        {
          kind: "create",
          at: 1_000,
          by: fac.id,
          code,
          facilitator: fac,
          options: { ...options, seed, takeoverSeconds: 0, cbms: [], cast: "scenario" },
        },
        { kind: "join", at: 1_100, by: ana.id, member: ana },
        { kind: "start", at: 1_200, by: fac.id },
      ];
      const games = [
        { id: "gOldPlay1", code: "ACDEFG", ended: 0, entries: journal("ACDEFG", "old-play") },
        {
          id: "gOldDone1",
          code: "CDEFGH",
          ended: 1,
          entries: [
            ...journal("CDEFGH", "old-done"),
            { kind: "step", at: 1_300, by: fac.id, step: { type: "end", turn: 1 } },
          ],
        },
      ];
      for (const g of games) {
        db.prepare("INSERT INTO games (id, code, created, ended) VALUES (?, ?, ?, ?)").run(
          g.id,
          g.code,
          1_000,
          g.ended,
        );
        for (const [seq, e] of g.entries.entries())
          db.prepare("INSERT INTO journal (game, seq, entry) VALUES (?, ?, ?)").run(
            g.id,
            seq,
            JSON.stringify(e),
          );
      }
      db.close();

      // Those games were made under rules v2: this engine plays the unfinished one on if it runs v2, else
      // closes it.
      const { srv } = await restart(dataDir);
      const sameRules = (RULES_VERSION as number) === UNVERSIONED_RULES;
      expect(srv.restored).toBe(sameRules ? 1 : 0);
      expect((await fetch(`${srv.http}/api/games/ACDEFG`)).status).toBe(sameRules ? 200 : 410);
      const res = await fetch(`${srv.http}/api/records/gOldDone1`, bearer(ana.token));
      expect(res.status).toBe(200);
      const record = (await res.json()) as GameRecord;
      expect(record.rulesVersion).toBe(UNVERSIONED_RULES);
      expect(record.steps).toEqual([{ type: "end", turn: 1 }]);
      await srv.close();
      running = null;

      const store = openSqliteStore(joinPath(dataDir, "firebreak.sqlite"));
      for (const g of games) {
        expect(store.entries(g.id).slice(0, g.entries.length)).toEqual(g.entries);
        expect(store.game(g.id)).toMatchObject({ code: g.code, ended: sameRules ? g.ended === 1 : true });
      }
      store.close();
    },
  );
});
