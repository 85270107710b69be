/**
 * A game's exports over HTTP on a real server (docs/protocol.md §3.5): members only, with the record's 401
 * for everyone else and its 409 before the end; participation for facilitators only; a player's events.csv is
 * their seat's feed; participation counts what the players did; wrong tokens are rate-limited.
 */
import { join as joinPath } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { RULES_VERSION } from "@firebreak/shared";
import { RECORD_ATTEMPTS, resetRateLimits } from "../../server/src/http/limits.ts";
import { parseCsv } from "../../server/src/testing/parse-csv.ts";
import { create, joinSeat, testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>> | null = null;

afterEach(async () => {
  await srv?.close();
  srv = null;
  resetRateLimits();
});

const EXPORTS = ["events.csv", "turns.csv", "participation.csv", "report.html"] as const;

describe("GET /api/records/:gameId/<export>", () => {
  it("answers a game's members once it has ended, each export as a download; nobody else", async () => {
    srv = await testServer();
    const s = srv;
    const fac = await create(s.url, {
      scenario: "tutorial",
      name: "Exports, class 3B",
      seed: "exports-1",
      turnSeconds: 0,
    });
    const gameId = fac.room.roomId;
    const ana = await joinSeat(s.url, fac, '=HYPERLINK("http://x","y")', "aldmark");
    const other = await create(s.url, { scenario: "tutorial", name: "Other", solo: { seat: "aldmark" } });
    const get = async (path: string, token?: string) => {
      const res = await fetch(`${s.http}/api/records/${path}`, {
        headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    };
    const code = (r: { text: string }) => (JSON.parse(r.text) as { code: string }).code;

    for (const name of EXPORTS) {
      const early = await get(`${gameId}/${name}`, fac.token);
      expect([early.status, code(early)], name).toEqual([409, "NOT_PLAYING"]);
      expect((await get(`${gameId}/${name}`)).status).toBe(401);
    }

    // Two turns: Ana orders (then changes her mind), writes twice, proposes a hotline, and is ready each
    // turn.
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    expect((await ana.ask("orders", { turn: 1, orders: [{ type: "harden" }] })).ok).toBe(true);
    expect(
      (
        await ana.ask("orders", {
          turn: 1,
          orders: [{ type: "espionage", target: "serevan" }, { type: "harden" }],
        })
      ).ok,
    ).toBe(true);
    expect((await ana.ask("chat", { channel: "public", text: '=1+1, and "quotes"' })).ok).toBe(true);
    // The bot may have proposed first: Ana answers what is open and proposes a measure nobody has.
    const open = ana.view.game.proposals.filter(
      (p) => !p.accepted.includes("aldmark") && !p.declined.includes("aldmark"),
    );
    for (const p of open)
      expect(await ana.ask("respond", { proposal: p.id, accept: false })).toMatchObject({ ok: true });
    const kind = ["hotline", "consultations", "situationReports", "jointObservation"].find(
      (k) => !ana.view.game.proposals.some((p) => p.kind === k),
    );
    expect(await ana.ask("propose", { kind, parties: ["aldmark", "serevan"] })).toMatchObject({ ok: true });
    expect((await ana.ask("ready", { ready: true })).ok).toBe(true);
    await ana.until((v) => v.game.turn === 2);
    expect((await ana.ask("chat", { channel: "public", text: "second" })).ok).toBe(true);
    expect((await ana.ask("orders", { turn: 2, orders: [{ type: "hunt" }] })).ok).toBe(true);
    expect((await ana.ask("ready", { ready: true })).ok).toBe(true);
    await ana.until((v) => v.game.turn === 3);
    expect((await fac.ask("fac:end")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "ended");

    // Nobody but a member: no token, a wrong one, another game's, a malformed or unknown id: the record's
    // same 401.
    const refused = await get(`${gameId}/events.csv`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    for (const name of EXPORTS)
      for (const [path, token] of [
        [`${gameId}/${name}`, undefined],
        [`${gameId}/${name}`, "not-a-token-of-this-game"],
        [`${gameId}/${name}`, other.token],
        [`gNoSuchGame/${name}`, ana.token],
        [`not-an-id/${name}`, ana.token],
      ] as const) {
        const r = await get(path, token);
        expect([r.status, r.text], `${path} ${token}`).toEqual([refused.status, refused.text]);
      }

    // Every export for the facilitator: a download with its name, UTF-8 CSV that parses, a report with its
    // own CSP.
    for (const name of EXPORTS) {
      const r = await get(`${gameId}/${name}`, fac.token);
      expect(r.status, name).toBe(200);
      expect(r.headers.get("content-disposition")).toBe(`attachment; filename="firebreak-${gameId}-${name}"`);
      expect(r.headers.get("cache-control")).toBe("no-store");
      if (name.endsWith(".csv")) {
        expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(parseCsv(r.text).length).toBeGreaterThan(1);
      } else {
        expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(r.headers.get("content-security-policy")).toMatch(
          /^default-src 'none'; style-src 'sha256-[^']+'/,
        );
        expect(r.text).toContain("<svg");
        expect(r.text).toContain("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
      }
    }
    expect((await get(gameId, ana.token)).status).toBe(200);

    // A player's events.csv is what their seat saw: a subset of the facilitator's, nothing only others saw.
    const rows = async (token: string) => parseCsv((await get(`${gameId}/events.csv`, token)).text).slice(1);
    const all = await rows(fac.token);
    const mine = await rows(ana.token);
    const seen = (r: string[]) => r[3] === "public" || (r[3] ?? "").split(" ").includes("aldmark");
    expect(mine.every(seen)).toBe(true);
    expect(all.some((r) => !seen(r))).toBe(true);
    const key = (r: string[]) => [r[0], r[1], r[3], r[9]].join("\u0000");
    const everything = new Set(all.map(key));
    expect(mine.every((r) => everything.has(key(r)))).toBe(true);
    expect(mine.length).toBe(all.filter(seen).length);

    // turns.csv: turns 0 to 2, the pair and both states each turn; Ana's espionage and hardening cost 2 in
    // turn 1.
    const turns = parseCsv((await get(`${gameId}/turns.csv`, ana.token)).text);
    expect(turns.length - 1).toBe(3 * (1 + 2));
    expect(turns.find((r) => r[0] === "1" && r[2] === "aldmark")?.[9]).toBe("2");

    // Participation: facilitators only; it counts what Ana did, her formula-like name neutralised.
    const refusedPlayer = await get(`${gameId}/participation.csv`, ana.token);
    expect([refusedPlayer.status, code(refusedPlayer)]).toEqual([403, "NOT_FACILITATOR"]);
    const people = parseCsv((await get(`${gameId}/participation.csv`, fac.token)).text);
    const row = people.find((r) => r[2] === "aldmark");
    expect(row?.[0]).toBe('\'=HYPERLINK("http://x","y")');
    expect(row?.slice(4)).toEqual(["3", "2", "2", "1", String(open.length), "2", "2", "no"]);
    expect(people.find((r) => r[1] === "facilitator")?.slice(4, 10)).toEqual(["0", "0", "0", "0", "0", "0"]);
  });

  it("serves what needs no replay of a record this server cannot replay, and says why it cannot rebuild the rest", async () => {
    srv = await testServer();
    const s = srv;
    const fac = await create(s.url, {
      scenario: "tutorial",
      name: "Old",
      seed: "exports-old",
      turnSeconds: 0,
    });
    // Bots hold every seat: the game plays to its end at the start.
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await fac.until((v) => v.session.phase === "ended");
    const gameId = fac.room.roomId;
    const get = (name: string) =>
      fetch(`${s.http}/api/records/${gameId}/${name}`, { headers: { Authorization: `Bearer ${fac.token}` } });
    // As if the game had been played under the rules before this server's (its kept record says so).
    const forge = (sql: string) => {
      const db = new DatabaseSync(joinPath(s.dataDir, "firebreak.sqlite"));
      db.prepare(sql).run(gameId);
      db.close();
    };
    const kept = () => {
      const db = new DatabaseSync(joinPath(s.dataDir, "firebreak.sqlite"));
      const row = db.prepare("SELECT record IS NOT NULL AS kept FROM games WHERE id = ?").get(gameId) as {
        kept: number;
      };
      db.close();
      return row.kept;
    };
    await expect.poll(kept).toBe(1);
    forge(`UPDATE games SET record = json_set(record, '$.rulesVersion', ${RULES_VERSION - 1}) WHERE id = ?`);
    const turns = await get("turns.csv");
    expect(turns.status).toBe(410);
    expect(await turns.json()).toMatchObject({
      code: "RULES_CHANGED",
      message: expect.stringContaining(`rules v${RULES_VERSION - 1}`),
    });
    for (const name of ["events.csv", "report.html", "participation.csv"])
      expect((await get(name)).status, name).toBe(200);
    // Without the final state it kept, nothing but the journal's participation can be read.
    forge("UPDATE games SET record = json_remove(record, '$.finalState') WHERE id = ?");
    for (const name of ["events.csv", "report.html", "turns.csv"])
      expect((await get(name)).status, name).toBe(410);
    expect((await get("participation.csv")).status).toBe(200);
  });

  it("refuses an address after too many wrong tokens, whatever it sends next, until the window passes", async () => {
    srv = await testServer();
    const s = srv;
    const solo = await create(s.url, { scenario: "tutorial", name: "Solo", solo: { seat: "aldmark" } });
    const get = (token: string) =>
      fetch(`${s.http}/api/records/${solo.room.roomId}/events.csv`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < RECORD_ATTEMPTS; i++) expect((await get(`wrong-${i}`)).status).toBe(401);
    const limited = await get(solo.token);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe("RATE_LIMITED");
    resetRateLimits();
    expect((await get(solo.token)).status).toBe(409);
  });

  it("gives each member the whole chat it could read, and nobody else's lines", async () => {
    srv = await testServer();
    const s = srv;
    const fac = await create(s.url, { scenario: "tutorial", name: "Chat", seed: "chat-1", turnSeconds: 0 });
    const gameId = fac.room.roomId;
    const ana = await joinSeat(s.url, fac, "Ana", "aldmark");
    const amy = await joinSeat(s.url, fac, "Amy", "aldmark");
    const ben = await joinSeat(s.url, fac, "Ben", "serevan");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    expect((await ana.ask("chat", { channel: "public", text: "hello all" })).ok).toBe(true);
    expect((await amy.ask("chat", { channel: "team", text: "=SUM(A1) our plan" })).ok).toBe(true);
    expect((await ben.ask("chat", { channel: "private:aldmark", text: "a word, Aldmark" })).ok).toBe(true);
    expect((await fac.ask("fac:end")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "ended");
    const chat = async (token: string) => {
      const res = await fetch(`${s.http}/api/records/${gameId}/chat`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const lines = ((await res.json()) as { lines: Array<{ channel: string; text: string }> }).lines;
      return lines.filter((l) => !l.text.startsWith("[")).map((l) => `${l.channel}: ${l.text}`);
    };
    expect(await chat(ana.token)).toEqual(
      expect.arrayContaining([
        "public: hello all",
        "team: =SUM(A1) our plan",
        "private:serevan: a word, Aldmark",
      ]),
    );
    const bens = await chat(ben.token);
    expect(bens).toContain("public: hello all");
    expect(bens).toContain("private:aldmark: a word, Aldmark");
    expect(bens.some((l) => l.includes("our plan"))).toBe(false);
    expect(await chat(fac.token)).toEqual(
      expect.arrayContaining(["team:aldmark: =SUM(A1) our plan", "private:aldmark:serevan: a word, Aldmark"]),
    );
    const wrong = await fetch(`${s.http}/api/records/${gameId}/chat`, {
      headers: { Authorization: "Bearer not-a-token-of-this-game" },
    });
    expect(wrong.status).toBe(401);
    const csv = await fetch(`${s.http}/api/records/${gameId}/chat.csv`, {
      headers: { Authorization: `Bearer ${ben.token}` },
    });
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="firebreak-${gameId}-chat.csv"`,
    );
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual(["turn", "time", "channel", "from", "role", "text"]);
    expect(rows.some((r) => r[5] === "a word, Aldmark" && r[3] === "Ben")).toBe(true);
    expect(rows.some((r) => (r[5] ?? "").includes("our plan"))).toBe(false);
  });
});
