/**
 * FIREBREAK_DATABASE_URL chooses the store: unset keeps the embedded SQLite file; a malformed URL stops the
 * start.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, parseDatabaseUrl } from "./open-store.ts";

describe("choosing the store", () => {
  it("keeps the embedded store unless a PostgreSQL URL is given, and refuses anything else", () => {
    expect(parseDatabaseUrl(undefined)).toBeNull();
    expect(parseDatabaseUrl("")).toBeNull();
    expect(parseDatabaseUrl("postgres://fb:pw@db:5432/firebreak")).toBe("postgres://fb:pw@db:5432/firebreak");
    expect(parseDatabaseUrl("postgresql://db/firebreak")).toBe("postgresql://db/firebreak");
    for (const bad of ["mysql://db/x", "db:5432", "postgres://db/x y"])
      expect(() => parseDatabaseUrl(bad), bad).toThrow(/FIREBREAK_DATABASE_URL/);
    const dir = mkdtempSync(join(tmpdir(), "fb-open-"));
    const { store, where } = openStore(null, dir);
    expect(where).toBe(dir);
    expect(store.unfinished()).toEqual([]);
    store.close();
  });
});
