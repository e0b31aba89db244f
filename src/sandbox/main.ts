import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { ADDIN_CLIENT_ID, buildSandbox, defaultOptions, NO_FAULTS, type Faults } from "./server";
import { isProfileId, PROFILE_IDS } from "../core";

/** `npm run sandbox -- [--port N] [--db FILE]`; faults and the automation client from env. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.SANDBOX_PORT ?? "4000" },
      db: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      https: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not ${values.port}`);
  const env = process.env;
  const rate = (name: string) => {
    const value = Number(env[name] ?? 0);
    if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be between 0 and 1`);
    return value;
  };
  const faults: Faults = {
    ...NO_FAULTS,
    latencyMs: Number(env.SANDBOX_LATENCY_MS ?? 0),
    serverErrorRate: rate("SANDBOX_500_RATE"),
    throttleRate: rate("SANDBOX_429_RATE"),
    dropRate: rate("SANDBOX_DROP_RATE"),
    lostResponseRate: rate("SANDBOX_LOST_RESPONSE_RATE"),
  };
  const options = defaultOptions({ faults, ...(values.db ? { dbFile: values.db } : {}) });
  // The registries: the real services where their URL is given, the fixtures otherwise.
  const count = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!(Number.isInteger(value) && value >= 0)) throw new Error(`${name} must be a whole number`);
    return value;
  };
  const concurrency = Math.max(1, count("REGISTRY_CONCURRENCY", options.registries.concurrency));
  options.registries = {
    ...options.registries,
    concurrency,
    ...(env.VIES_URL ? { viesUrl: new URL(env.VIES_URL).href.replace(/\/$/, "") } : {}),
    ...(env.PEPPOL_DIRECTORY_URL
      ? { peppolUrl: new URL(env.PEPPOL_DIRECTORY_URL).href.replace(/\/$/, "") }
      : {}),
    ...(env.PEPPOL_SMP_URL ? { smpUrl: new URL(env.PEPPOL_SMP_URL).href.replace(/\/$/, "") } : {}),
    ...(env.ICE_REGISTRY_URL
      ? { iceUrl: new URL(env.ICE_REGISTRY_URL).href.replace(/\/$/, "") }
      : {}),
    fixtures: {
      latencyMs: count("REGISTRY_FIXTURE_LATENCY_MS", 150),
      maxConcurrent: Math.max(1, count("REGISTRY_FIXTURE_CONCURRENCY", concurrency)),
    },
  };
  if (env.SANDBOX_RATE_LIMIT) {
    options.rateLimitPerMinute = Number(env.SANDBOX_RATE_LIMIT);
    if (!(options.rateLimitPerMinute > 0))
      throw new Error("SANDBOX_RATE_LIMIT must be a positive number");
  }
  // The pane served from elsewhere than the dev server (the bench's preview build, say).
  if (env.SANDBOX_PANE_ORIGIN) {
    const origin = new URL(env.SANDBOX_PANE_ORIGIN).origin;
    options.allowedOrigin = origin;
    options.auth = {
      ...options.auth,
      publicClients: new Map([[ADDIN_CLIENT_ID, [`${origin}/auth-callback.html`]]]),
    };
  }
  if (env.SANDBOX_CLIENT_ID && env.SANDBOX_CLIENT_SECRET) {
    const region = env.SANDBOX_CLIENT_REGION ?? PROFILE_IDS[0]!;
    if (!isProfileId(region))
      throw new Error(`SANDBOX_CLIENT_REGION must be one of ${PROFILE_IDS.join(", ")}`);
    options.auth = {
      ...options.auth,
      automationClient: {
        id: env.SANDBOX_CLIENT_ID,
        secret: env.SANDBOX_CLIENT_SECRET,
        partnerId: `pa_${region}`,
      },
    };
  }
  if (values.https) {
    const certificate = await developmentCertificate();
    if (certificate) options.https = certificate;
    else
      process.stderr.write(
        "sandbox: no development certificate could be made, so it serves plain HTTP; " +
          "signing in from Excel needs HTTPS (run npx office-addin-dev-certs install).\n"
      );
  }
  const { app, fixtures } = await buildSandbox(options);
  const listening = await app.listen({ port, host: values.host });
  // The certificate names localhost, not the loopback address.
  const address = options.https ? listening.replace("//127.0.0.1", "//localhost") : listening;
  process.stdout.write(
    `Banqup partner API sandbox on ${address} (database ${options.dbFile}; add-in client id ${ADDIN_CLIENT_ID}).\n` +
      `Sign in with sophie@fiduciaire-lambert.be / sandbox-be (Belgium) or karima@cabinet-benali.ma / sandbox-ma (Morocco).\n` +
      `Company lookups ask VIES at ${options.registries.viesUrl ?? `${fixtures?.viesUrl} (fixtures)`} the Peppol Directory at ${options.registries.peppolUrl ?? `${fixtures?.peppolUrl} (fixtures)`} an SMP at ${options.registries.smpUrl ?? `${fixtures?.smpUrl} (fixtures)`} and the ICE register at ${options.registries.iceUrl ?? `${fixtures?.iceUrl} (fixtures)`}.\n`
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void app.close().then(() => process.exit(0)));
}

/** The dev server's certificate (office-addin-dev-certs), shared so one trust covers both. */
async function developmentCertificate(): Promise<{ key: Buffer; cert: Buffer } | undefined> {
  const require = createRequire(__filename);
  const { httpsOptions } = require("../../scripts/https-options.js") as {
    httpsOptions(): Promise<{ key: Buffer; cert: Buffer } | undefined>;
  };
  return httpsOptions();
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${(error as Error).message}\n`);
  process.exit(2);
});
