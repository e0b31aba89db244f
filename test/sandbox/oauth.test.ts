import { createHash, randomBytes } from "node:crypto";
import { ADDIN_CLIENT_ID, DEFAULT_REDIRECT_URI } from "../../src/sandbox/server";
import * as ids from "../../src/sandbox/ids";
import { AUTOMATION, startSandbox, withAutomation, type RunningSandbox } from "./start-sandbox";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
  redirect: "manual" as const,
});

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

describe("sandbox OAuth", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox(withAutomation("ma"));
  });
  afterAll(() => sandbox.close());

  const authorize = {
    response_type: "code",
    client_id: ADDIN_CLIENT_ID,
    redirect_uri: DEFAULT_REDIRECT_URI,
    code_challenge_method: "S256",
  };

  async function signIn(email: string, password: string, challenge: string) {
    return fetch(
      `${sandbox.url}/oauth/authorize`,
      form({ ...authorize, code_challenge: challenge, state: "s-42", email, password })
    );
  }

  it("authorization code + PKCE: sign-in page, code, tokens, the partner, refresh", async () => {
    const { verifier, challenge } = pkce();
    const page = await fetch(
      `${sandbox.url}/oauth/authorize?${new URLSearchParams({ ...authorize, code_challenge: challenge })}`
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sign in to the Banqup sandbox");

    const redirect = await signIn("sophie@fiduciaire-lambert.be", "sandbox-be", challenge);
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe(DEFAULT_REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("s-42");
    const code = location.searchParams.get("code") as string;

    const exchange = (codeVerifier: string) =>
      fetch(
        `${sandbox.url}/oauth/token`,
        form({
          grant_type: "authorization_code",
          code,
          code_verifier: codeVerifier,
          client_id: ADDIN_CLIENT_ID,
          redirect_uri: DEFAULT_REDIRECT_URI,
        })
      );
    const wrong = await exchange(pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });

    const tokens = (await (await exchange(verifier)).json()) as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      token_type: string;
    };
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 300 });
    const partner = await fetch(`${sandbox.url}/v1/partner`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await partner.json()).toMatchObject({ id: "pa_be", region: "be" });

    const refresh = (token: string, clientId: string | null = ADDIN_CLIENT_ID) =>
      fetch(
        `${sandbox.url}/oauth/token`,
        form({
          grant_type: "refresh_token",
          refresh_token: token,
          ...(clientId ? { client_id: clientId } : {}),
        })
      );
    // A refresh names its client.
    expect(await (await refresh(tokens.refresh_token, null)).json()).toMatchObject({
      error: "invalid_request",
    });
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(next.access_token).not.toBe(tokens.access_token);
    const third = (await (await refresh(next.refresh_token)).json()) as {
      access_token: string;
      refresh_token: string;
    };
    // A spent refresh token comes back (it was copied): the whole sign-in is revoked.
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
    expect((await refresh(third.refresh_token)).status).toBe(400);
    const revoked = await fetch(`${sandbox.url}/v1/partner`, {
      headers: { Authorization: `Bearer ${third.access_token}` },
    });
    expect(revoked.status).toBe(401);

    // A code used twice: refused, and what its first use gave is revoked (RFC 6749 §4.1.2).
    expect((await exchange(verifier)).status).toBe(400);
  });

  it("revokes the tokens of a code that is replayed", async () => {
    const { verifier, challenge } = pkce();
    const redirect = await signIn("pieter@fiduciaire-lambert.be", "sandbox-be", challenge);
    const code = new URL(redirect.headers.get("location") as string).searchParams.get("code")!;
    const exchange = () =>
      fetch(
        `${sandbox.url}/oauth/token`,
        form({
          grant_type: "authorization_code",
          code,
          code_verifier: verifier,
          client_id: ADDIN_CLIENT_ID,
          redirect_uri: DEFAULT_REDIRECT_URI,
        })
      );
    const first = (await (await exchange()).json()) as { access_token: string };
    const partner = () =>
      fetch(`${sandbox.url}/v1/partner`, {
        headers: { Authorization: `Bearer ${first.access_token}` },
      });
    expect((await partner()).status).toBe(200);
    expect((await exchange()).status).toBe(400);
    expect((await partner()).status).toBe(401);
  });

  it("ends a sign-in at its absolute lifetime, however often its refresh token rotates", async () => {
    let later = 0;
    const short = await startSandbox({
      auth: {
        publicClients: new Map([[ADDIN_CLIENT_ID, [DEFAULT_REDIRECT_URI]]]),
        accessTokenSeconds: 300,
        refreshTokenSeconds: 2,
        clock: () => Math.floor(Date.now() / 1000) + later,
      },
    });
    try {
      const { verifier, challenge } = pkce();
      const redirect = await fetch(
        `${short.url}/oauth/authorize`,
        form({
          ...authorize,
          code_challenge: challenge,
          state: "s",
          email: "sophie@fiduciaire-lambert.be",
          password: "sandbox-be",
        })
      );
      const code = new URL(redirect.headers.get("location") as string).searchParams.get("code")!;
      const token = async (fields: Record<string, string>) =>
        (await (await fetch(`${short.url}/oauth/token`, form(fields))).json()) as {
          access_token?: string;
          refresh_token?: string;
          expires_in?: number;
          error?: string;
        };
      let tokens = await token({
        grant_type: "authorization_code",
        code,
        code_verifier: verifier,
        client_id: ADDIN_CLIENT_ID,
        redirect_uri: DEFAULT_REDIRECT_URI,
      });
      // The access token lives no longer than the sign-in (2 s here, not 300).
      expect(tokens.expires_in).toBeLessThanOrEqual(2);
      tokens = await token({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token!,
        client_id: ADDIN_CLIENT_ID,
      });
      expect(tokens.refresh_token).toBeDefined();
      // Past the sign-in's end, without waiting for it.
      later = 3;
      const late = await token({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token!,
        client_id: ADDIN_CLIENT_ID,
      });
      expect(late.error).toBe("invalid_grant");
    } finally {
      await short.close();
    }
  });

  it("shows the form again with a message on a wrong password, and refuses unregistered redirect URIs", async () => {
    const { challenge } = pkce();
    const wrong = await signIn("sophie@fiduciaire-lambert.be", "nope", challenge);
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain("Wrong e-mail or password.");
    const evil = await fetch(
      `${sandbox.url}/oauth/authorize?${new URLSearchParams({ ...authorize, code_challenge: challenge, redirect_uri: "https://evil.example/cb" })}`
    );
    expect(evil.status).toBe(400);
    expect(evil.headers.get("content-type")).toContain("application/problem+json");
  });

  it("speaks the language ui_locales asks for (fr, nl, en), its errors too, and English otherwise", async () => {
    const { challenge } = pkce();
    const page = async (uiLocales?: string) => {
      const query = { ...authorize, code_challenge: challenge };
      const response = await fetch(
        `${sandbox.url}/oauth/authorize?${new URLSearchParams(uiLocales ? { ...query, ui_locales: uiLocales } : query)}`
      );
      expect(response.status).toBe(200);
      return response.text();
    };
    const french = await page("fr");
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain("<h1>Connexion au bac à sable Banqup</h1>");
    expect(french).toContain("Mot de passe");
    expect(french).toContain(">Annuler</button>");
    expect(french).not.toMatch(/Password|Sign in|Cancel/);
    const dutch = await page("nl-BE fr");
    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toContain("Wachtwoord");
    // The first language it speaks, in the order asked.
    expect(await page("de fr-BE nl")).toContain('<html lang="fr">');
    expect(await page("ar")).toContain("Sign in to the Banqup sandbox");
    expect(await page()).toContain('<html lang="en">');
    // A wrong password is said in the page's language.
    const wrong = await fetch(
      `${sandbox.url}/oauth/authorize`,
      form({
        ...authorize,
        code_challenge: challenge,
        ui_locales: "nl",
        email: "sophie@fiduciaire-lambert.be",
        password: "nope",
      })
    );
    const text = await wrong.text();
    expect(text).toContain("Verkeerd e-mailadres of wachtwoord.");
    expect(text).toContain('<input type="hidden" name="ui_locales" value="nl">');
  });

  it("lets a failed sign-in be tried again, and writes back only the OAuth parameters", async () => {
    const { challenge } = pkce();
    const failed = await signIn("sophie@fiduciaire-lambert.be", "nope", challenge);
    const page = await failed.text();
    const hidden = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
      (match) => [match[1]!, match[2]!.replace(/&amp;/g, "&")] as [string, string]
    );
    expect(hidden.map(([name]) => name).sort()).toEqual([
      "client_id",
      "code_challenge",
      "code_challenge_method",
      "redirect_uri",
      "response_type",
      "state",
      // The page's language, so that the second attempt speaks it too.
      "ui_locales",
    ]);
    expect(page).not.toContain("nope");
    // It tells the pane of the failure (never what was typed), with a script of its own origin.
    expect(page).toContain('data-sign-in-failed="Wrong e-mail or password."');
    expect(failed.headers.get("content-security-policy")).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com"
    );
    const notice = await fetch(`${sandbox.url}/oauth/sign-in-notice.js`);
    expect(notice.headers.get("content-type")).toContain("javascript");
    expect(await notice.text()).toContain("messageParent");
    // The page can be neither framed nor made to load anything from elsewhere.
    expect(failed.headers.get("x-frame-options")).toBe("DENY");
    expect(failed.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    // Submitted again as a browser does: the page's fields, then the user's.
    const body = new URLSearchParams(hidden);
    body.append("email", "sophie@fiduciaire-lambert.be");
    body.append("password", "sandbox-be");
    const again = await fetch(`${sandbox.url}/oauth/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    expect(again.status).toBe(302);
  });

  it("refuses a state longer than the contract allows and a repeated parameter, with 400", async () => {
    const { challenge } = pkce();
    const query = (extra: string) =>
      fetch(
        `${sandbox.url}/oauth/authorize?${new URLSearchParams({ ...authorize, code_challenge: challenge })}${extra}`
      );
    const long = await query(`&state=${"s".repeat(513)}`);
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ detail: "state is longer than 512 characters." });
    const twice = await query("&state=a&state=b");
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({
      detail: "The parameter state is given more than once.",
    });
  });

  it("refuses a form field longer than the contract allows, before any work", async () => {
    const before = ids.passwordChecks.count;
    const huge = await signIn(
      "sophie@fiduciaire-lambert.be",
      "x".repeat(400_000),
      pkce().challenge
    );
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({ detail: "password is longer than 1024 characters." });
    expect(ids.passwordChecks.count).toBe(before);
    const token = await fetch(
      `${sandbox.url}/oauth/token`,
      form({
        grant_type: "refresh_token",
        refresh_token: "r".repeat(600),
        client_id: ADDIN_CLIENT_ID,
      })
    );
    expect(await token.json()).toMatchObject({ error: "invalid_request" });
  });

  it("checks a password for an unknown e-mail too, against a hash no password matches", async () => {
    const before = ids.passwordChecks.count;
    const unknown = await signIn("nobody@example.be", "whatever", pkce().challenge);
    expect(await unknown.text()).toContain("Wrong e-mail or password.");
    // The same scrypt as for a known account: timing does not tell who has one.
    expect(ids.passwordChecks.count - before).toBe(1);
    expect(await ids.verifyPassword("whatever", ids.dummyPasswordHash())).toBe(false);
  });

  it("client credentials: the configured client acts for its region's partner; a wrong secret is not echoed", async () => {
    const good = await fetch(
      `${sandbox.url}/oauth/token`,
      form({
        grant_type: "client_credentials",
        client_id: AUTOMATION.id,
        client_secret: AUTOMATION.secret,
      })
    );
    const { access_token } = (await good.json()) as { access_token: string };
    const partner = await fetch(`${sandbox.url}/v1/partner`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(await partner.json()).toMatchObject({ id: "pa_ma", region: "ma" });
    const bad = await fetch(
      `${sandbox.url}/oauth/token`,
      form({
        grant_type: "client_credentials",
        client_id: AUTOMATION.id,
        client_secret: "guess-123",
      })
    );
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toContain("guess-123");
  });

  it("has no client-credentials client unless one is configured", async () => {
    const plain = await startSandbox();
    try {
      const response = await fetch(
        `${plain.url}/oauth/token`,
        form({ grant_type: "client_credentials", client_id: "anything", client_secret: "anything" })
      );
      expect(response.status).toBe(401);
    } finally {
      await plain.close();
    }
  });

  it("answers 401 with a problem without a valid token", async () => {
    const none = await fetch(`${sandbox.url}/v1/partner`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ status: 401, code: "token_missing" });
    const forged = await fetch(`${sandbox.url}/v1/partner`, {
      headers: { Authorization: "Bearer forged" },
    });
    expect(await forged.json()).toMatchObject({ code: "token_expired" });
  });
});

describe("sandbox sign-in against password guessing", () => {
  const authorize = {
    response_type: "code",
    client_id: ADDIN_CLIENT_ID,
    redirect_uri: DEFAULT_REDIRECT_URI,
    code_challenge_method: "S256",
    code_challenge: pkce().challenge,
  };
  const attempt = (url: string, email: string, password: string) =>
    fetch(`${url}/oauth/authorize`, form({ ...authorize, email, password }));

  it("makes an account wait, doubling, after three wrong passwords (429 with Retry-After)", async () => {
    const sandbox = await startSandbox();
    try {
      for (let i = 0; i < 4; i++)
        expect((await attempt(sandbox.url, "omar@cabinet-benali.ma", "wrong")).status).toBe(200);
      const blocked = await attempt(sandbox.url, "omar@cabinet-benali.ma", "sandbox-ma");
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await blocked.text()).toContain("Too many attempts");
      // Another account is not held up by this one.
      expect((await attempt(sandbox.url, "karima@cabinet-benali.ma", "sandbox-ma")).status).toBe(
        302
      );
    } finally {
      await sandbox.close();
    }
  });

  it("limits the attempts of one client address, whatever accounts it tries", async () => {
    const sandbox = await startSandbox();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push((await attempt(sandbox.url, `guess${i}@example.be`, "x")).status);
      expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      await sandbox.close();
    }
  });

  it("purges codes and tokens a day after they expired", async () => {
    const sandbox = await startSandbox();
    try {
      const longAgo = Math.floor(Date.now() / 1000) - 2 * 24 * 3600;
      sandbox.db
        .prepare(
          "INSERT INTO auth_codes (code_hash, user_id, client_id, redirect_uri, challenge, expires_at) VALUES ('old', 'us_be_admin', 'c', 'r', 'x', ?)"
        )
        .run(longAgo);
      sandbox.db
        .prepare(
          "INSERT INTO tokens (token_hash, kind, partner_id, client_id, expires_at) VALUES ('old', 'refresh', 'pa_be', 'c', ?)"
        )
        .run(longAgo);
      await fetch(`${sandbox.url}/oauth/token`, form({ grant_type: "refresh_token" }));
      const left = (table: string) =>
        (
          sandbox.db
            .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE expires_at = ?`)
            .get(longAgo) as {
            n: number;
          }
        ).n;
      expect([left("auth_codes"), left("tokens")]).toEqual([0, 0]);
    } finally {
      await sandbox.close();
    }
  });
});
