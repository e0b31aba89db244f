import { createHash, randomBytes } from "node:crypto";
import { ADDIN_CLIENT_ID, DEFAULT_REDIRECT_URI } from "../../src/sandbox/server";
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

    expect((await exchange(verifier)).status).toBe(400); // a code works once

    const refresh = (token: string) =>
      fetch(
        `${sandbox.url}/oauth/token`,
        form({ grant_type: "refresh_token", refresh_token: token, client_id: ADDIN_CLIENT_ID })
      );
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(next.access_token).not.toBe(tokens.access_token);
    expect((await refresh(tokens.refresh_token)).status).toBe(400); // refresh tokens rotate
    expect((await refresh(next.refresh_token)).status).toBe(200);
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
