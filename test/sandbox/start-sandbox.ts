import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Server } from "node:http";
import { join } from "node:path";
import { buildSandbox, defaultOptions, type SandboxOptions } from "../../src/sandbox/server";
import { belgianNumber } from "../../testkit/oracles";

export interface RunningSandbox {
  url: string;
  dbFile: string;
  close(): Promise<void>;
  /** The HTTP server: its "request" event says a request has arrived. */
  server: Server;
  db: Awaited<ReturnType<typeof buildSandbox>>["db"];
  fixtures: Awaited<ReturnType<typeof buildSandbox>>["fixtures"];
}

/** A real sandbox on a random loopback port, with its own database in a temp folder. */
export async function startSandbox(
  overrides: Partial<SandboxOptions> = {}
): Promise<RunningSandbox> {
  const dbFile = overrides.dbFile ?? join(mkdtempSync(join(tmpdir(), "sandbox-")), "partner.db");
  const { app, db, fixtures } = await buildSandbox(defaultOptions({ ...overrides, dbFile }));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, dbFile, db, fixtures, server: app.server, close: () => app.close() };
}

export const AUTOMATION = { id: "ci-robot", secret: "a-test-secret-0123456789" };

/** Options with the automation client for the region's seeded partner. */
export function withAutomation(region: "be" | "ma" = "be"): Partial<SandboxOptions> {
  const base = defaultOptions();
  return { auth: { ...base.auth, automationClient: { ...AUTOMATION, partnerId: `pa_${region}` } } };
}

export async function automationToken(url: string): Promise<string> {
  const response = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: AUTOMATION.id,
      client_secret: AUTOMATION.secret,
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export function api(url: string, token: string) {
  return async (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}
  ) => {
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? (init.body !== undefined || init.raw !== undefined ? "POST" : "GET"),
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        ...init.headers,
      },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
}

export const BELGIAN_CLIENT = {
  companyName: "Boulangerie Dupont SRL",
  country: "BE",
  contactEmail: "marie@dupont.be",
  contactFirstName: "Marie",
  contactLastName: "Dupont",
  contactLocale: "fr-BE",
  enterpriseNumber: "0403019261",
  vatNumber: "BE0403019261",
};

/**
 * A valid Belgian client of its own: its enterprise and VAT numbers come from `series + n`
 * (under 10,000,000), its name and e-mail from `n`, so that no two of a series clash.
 */
export function numberedClient(n: number, series: number) {
  const enterpriseNumber = belgianNumber(`0${String(series + n).padStart(7, "0")}`);
  return {
    ...BELGIAN_CLIENT,
    companyName: `Client ${n}`,
    contactEmail: `client${n}@example.be`,
    enterpriseNumber,
    vatNumber: `BE${enterpriseNumber}`,
  };
}
