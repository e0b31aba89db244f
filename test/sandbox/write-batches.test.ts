import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBatches } from "../../src/sandbox/write-batches";

const names = (db: Database.Database) =>
  (db.prepare("SELECT name FROM items ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name
  );

describe("writes committed together", () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(":memory:");
    db.exec(`CREATE TABLE owners (id TEXT PRIMARY KEY);
      CREATE TABLE items (name TEXT PRIMARY KEY,
        owner TEXT REFERENCES owners(id) DEFERRABLE INITIALLY DEFERRED);`);
    db.pragma("foreign_keys = ON");
  });
  afterEach(() => db.close());

  it("undoes only the write that fails; each write sees the ones before it", async () => {
    const inBatch = writeBatches(db);
    const insert = db.prepare("INSERT INTO items (name) VALUES (?)");
    const results = await Promise.allSettled([
      inBatch(() => insert.run("a").changes),
      inBatch(() => {
        insert.run("b");
        throw new Error("refused");
      }),
      inBatch(() => names(db)),
    ]);
    expect(results[0]).toEqual({ status: "fulfilled", value: 1 });
    expect(results[1]).toMatchObject({ status: "rejected", reason: { message: "refused" } });
    expect(results[2]).toEqual({ status: "fulfilled", value: ["a"] });
    expect(names(db)).toEqual(["a"]);
  });

  it("fails every write of a batch whose commit fails, and stores none of them", async () => {
    const inBatch = writeBatches(db);
    const insert = db.prepare("INSERT INTO items (name, owner) VALUES (?, ?)");
    const results = await Promise.allSettled([
      inBatch(() => insert.run("fine", null)),
      // An owner that does not exist: refused only at the commit (the check is deferred).
      inBatch(() => insert.run("orphan", "nobody")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(names(db)).toEqual([]);
    // The next batch starts clean.
    await expect(inBatch(() => insert.run("later", null).changes)).resolves.toBe(1);
    expect(names(db)).toEqual(["later"]);
  });

  it("answers a write only once another connection can read it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "batches-")), "db.sqlite");
    const writer = new Database(file);
    const reader = new Database(file);
    try {
      writer.exec("CREATE TABLE items (name TEXT PRIMARY KEY)");
      const inBatch = writeBatches(writer);
      const seen = () => reader.prepare("SELECT COUNT(*) AS n FROM items").get() as { n: number };
      const done = inBatch(() => writer.prepare("INSERT INTO items (name) VALUES ('x')").run());
      expect(seen().n).toBe(0);
      await done;
      expect(seen().n).toBe(1);
    } finally {
      writer.close();
      reader.close();
    }
  });
});
