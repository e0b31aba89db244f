import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { foldForLookup } from "../core";

export type Db = Database.Database;

/**
 * Schema changes, in order. Each runs once, in a transaction, and is recorded in
 * schema_migrations: a database made by an older sandbox is brought up to date at start.
 */
const MIGRATIONS: readonly (string | ((db: Db) => void))[] = [
  `CREATE TABLE partners (id TEXT PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL);
   CREATE TABLE users (
     id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),
     name TEXT NOT NULL, email TEXT NOT NULL UNIQUE COLLATE NOCASE, password_hash TEXT NOT NULL);
   CREATE TABLE integrations (
     id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id), name TEXT NOT NULL);
   CREATE TABLE templates (
     id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),
     name TEXT NOT NULL, description TEXT, UNIQUE (partner_id, name));
   CREATE TABLE template_users (
     template_id TEXT NOT NULL REFERENCES templates(id), user_id TEXT NOT NULL REFERENCES users(id),
     PRIMARY KEY (template_id, user_id));
   CREATE TABLE template_integrations (
     template_id TEXT NOT NULL REFERENCES templates(id),
     integration_id TEXT NOT NULL REFERENCES integrations(id),
     PRIMARY KEY (template_id, integration_id));`,
  `CREATE TABLE clients (
     id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),
     data TEXT NOT NULL, contact_email TEXT NOT NULL COLLATE NOCASE,
     status TEXT NOT NULL DEFAULT 'draft', created_at TEXT NOT NULL);
   CREATE INDEX clients_contact_email ON clients (partner_id, contact_email);
   -- One row per unique identifier (enterprise number, VAT, ICE): the primary key is what
   -- makes a second client with the same identifier impossible, whatever the concurrency.
   CREATE TABLE client_identifiers (
     partner_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
     client_id TEXT NOT NULL REFERENCES clients(id), PRIMARY KEY (partner_id, field, value));
   CREATE TABLE idempotency_keys (
     partner_id TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL,
     status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,
     PRIMARY KEY (partner_id, key));
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), kind TEXT NOT NULL,
     recipient TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'queued', created_at TEXT NOT NULL,
     UNIQUE (client_id, kind));`,
  `CREATE TABLE auth_codes (
     code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
     client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL, challenge TEXT NOT NULL,
     expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE tokens (
     token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, partner_id TEXT NOT NULL,
     user_id TEXT, client_id TEXT NOT NULL, expires_at INTEGER NOT NULL,
     revoked INTEGER NOT NULL DEFAULT 0);`,
  // The company name as people compare it (case, accents, punctuation apart), for the lookup
  // of clients that have no identifier (the lookup before sending).
  (db) => {
    db.exec(`ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      CREATE INDEX clients_name_key ON clients (partner_id, name_key);`);
    const update = db.prepare("UPDATE clients SET name_key = ? WHERE id = ?");
    const rows = db.prepare("SELECT id, data FROM clients").all() as { id: string; data: string }[];
    for (const row of rows)
      update.run(nameKey(String(JSON.parse(row.data).companyName ?? "")), row.id);
  },
  // Token families (RFC 6819 §5.2.2.3, OAuth 2.1 §4.3.1): every token issued from one sign-in
  // shares its family and its absolute end, which rotation does not extend; a reused refresh
  // token or a replayed code revokes the whole family.
  `ALTER TABLE tokens ADD COLUMN family TEXT;
   ALTER TABLE tokens ADD COLUMN family_expires_at INTEGER;
   CREATE INDEX tokens_family ON tokens (family);
   ALTER TABLE auth_codes ADD COLUMN family TEXT;`,
  // Versions: each change of a client makes its version one more, and the API refuses a
  // change made from an older one (If-Match), so that nobody's edit is lost. Clients made
  // before start at 1. The index lists a partner's clients in their order of creation (rowid:
  // the sandbox never vacuums, so rowids only grow).
  `ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE clients ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
   UPDATE clients SET updated_at = created_at;
   CREATE INDEX clients_partner ON clients (partner_id);`,
  // A template's description in each of the partner's languages (JSON: language → text).
  `ALTER TABLE templates ADD COLUMN descriptions TEXT;`,
];

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The statement for `sql`, prepared once per database: a request's queries are compiled the
 * first time they run, not on every request.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** How a company name is looked up: folded as people compare names. */
export function nameKey(companyName: string): string {
  return foldForLookup(companyName);
}

export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a crash of the sandbox
  // loses nothing, a power cut may lose the last commits. A development server can take that,
  // and each created client no longer waits for the disk.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
  );
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as {
    version: number | null;
  };
  const applied = row.version ?? 0;
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= applied) return;
    db.transaction(() => {
      if (typeof sql === "string") db.exec(sql);
      else sql(db);
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(
        version,
        new Date().toISOString()
      );
    })();
  });
}
