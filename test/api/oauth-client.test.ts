import {
  authorizeUrl,
  MemoryTokenStore,
  PartnerApiClient,
  signIn,
  SignInFailed,
  signOut,
  SignInRequired,
  UserTokens,
  type OAuthConfig,
} from "../../src/api";
import { ADDIN_CLIENT_ID, DEFAULT_REDIRECT_URI } from "../../src/sandbox/server";
import { startSandbox, type RunningSandbox } from "../sandbox/start-sandbox";

/** The user at the sign-in form: posts it and returns where the sandbox redirects. */
function userSignsIn(email: string, password: string) {
  return async (url: string): Promise<string> => {
    const query = Object.fromEntries(new URL(url).searchParams);
    const response = await fetch(url.replace(/\?.*$/, ""), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...query, email, password }),
      redirect: "manual",
    });
    return response.headers.get("location") ?? "";
  };
}

describe("signing a user in (OAuth code + PKCE against the sandbox)", () => {
  let sandbox: RunningSandbox;
  let config: OAuthConfig;
  beforeAll(async () => {
    sandbox = await startSandbox({
      auth: {
        publicClients: new Map([[ADDIN_CLIENT_ID, [DEFAULT_REDIRECT_URI]]]),
        accessTokenSeconds: 60,
        refreshTokenSeconds: 3600,
      },
    });
    config = { apiUrl: sandbox.url, clientId: ADDIN_CLIENT_ID, redirectUri: DEFAULT_REDIRECT_URI };
  });
  afterAll(() => sandbox.close());

  it("asks for a code with an S256 challenge and a state", () => {
    const url = new URL(authorizeUrl(config, "challenge-x", "state-y"));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: ADDIN_CLIENT_ID,
      redirect_uri: DEFAULT_REDIRECT_URI,
      code_challenge: "challenge-x",
      code_challenge_method: "S256",
      state: "state-y",
    });
  });

  it("signs in, calls the API, refreshes silently when the token ran out (the refresh token rotates)", async () => {
    const store = new MemoryTokenStore();
    await signIn(config, userSignsIn("pieter@fiduciaire-lambert.be", "sandbox-be"), store);
    const client = new PartnerApiClient({
      baseUrl: sandbox.url,
      tokens: new UserTokens(config, store),
      region: "be",
    });
    expect((await client.getPartner()).region).toBe("be");
    const first = store.load()!;
    // The token's lifetime comes from the answer; make it run out now.
    store.save({ ...first, expiresAt: Date.now() - 1 });
    expect((await client.getPartner()).region).toBe("be");
    const second = store.load()!;
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it("asks to sign in again when the refresh token is refused, and forgets the tokens", async () => {
    const store = new MemoryTokenStore();
    await signIn(config, userSignsIn("pieter@fiduciaire-lambert.be", "sandbox-be"), store);
    store.save({ ...store.load()!, expiresAt: 0, refreshToken: "not-a-refresh-token" });
    const tokens = new UserTokens(config, store);
    await expect(tokens.accessToken()).rejects.toBeInstanceOf(SignInRequired);
    expect(store.load()).toBeUndefined();
  });

  it("refuses an answer whose state is not the request's", async () => {
    const store = new MemoryTokenStore();
    const tampered = async (url: string) => {
      const landed = new URL(await userSignsIn("pieter@fiduciaire-lambert.be", "sandbox-be")(url));
      landed.searchParams.set("state", "forged");
      return landed.toString();
    };
    await expect(signIn(config, tampered, store)).rejects.toBeInstanceOf(SignInFailed);
    expect(store.load()).toBeUndefined();
  });

  it("checks the state before it reads an error: a forged answer's words are never shown", async () => {
    const forged = async () =>
      `${DEFAULT_REDIRECT_URI}?error=server_error&error_description=${encodeURIComponent("Call 0800 000 to unlock your account")}&state=forged&iss=${encodeURIComponent(sandbox.url)}`;
    const failure = await signIn(config, forged, new MemoryTokenStore()).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(SignInFailed);
    expect((failure as Error).message).not.toContain("0800");
  });

  it("refuses an answer from another issuer, or that lands elsewhere than the redirect URI", async () => {
    const answer = (change: (landed: URL) => void) => async (url: string) => {
      const landed = new URL(await userSignsIn("pieter@fiduciaire-lambert.be", "sandbox-be")(url));
      change(landed);
      return landed.toString();
    };
    const store = new MemoryTokenStore();
    await expect(
      signIn(
        config,
        answer((landed) => landed.searchParams.set("iss", "https://evil.example")),
        store
      )
    ).rejects.toBeInstanceOf(SignInFailed);
    await expect(
      signIn(
        config,
        answer((landed) => (landed.pathname = "/elsewhere.html")),
        store
      )
    ).rejects.toThrow("The sign-in ended somewhere else than the add-in.");
    expect(store.load()).toBeUndefined();
  });

  it("tells a user who cancelled at the sign-in page from a failure", async () => {
    const cancels = async (url: string) => {
      const query = Object.fromEntries(new URL(url).searchParams);
      const response = await fetch(url.replace(/\?.*$/, ""), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...query, cancel: "1" }),
        redirect: "manual",
      });
      return response.headers.get("location") ?? "";
    };
    const failure = await signIn(config, cancels, new MemoryTokenStore()).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(SignInFailed);
    expect((failure as SignInFailed).cancelled).toBe(true);
  });

  it("signing out forgets the tokens and revokes the sign-in at the server", async () => {
    const store = new MemoryTokenStore();
    await signIn(config, userSignsIn("pieter@fiduciaire-lambert.be", "sandbox-be"), store);
    const { refreshToken, accessToken } = store.load()!;
    await signOut(config, store);
    expect(store.load()).toBeUndefined();
    const refused = await fetch(`${sandbox.url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken!,
        client_id: ADDIN_CLIENT_ID,
      }),
    });
    expect(refused.status).toBe(400);
    const api = await fetch(`${sandbox.url}/v1/partner`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(api.status).toBe(401);
  });

  it("two panes refreshing at once spend the refresh token once and both stay signed in", async () => {
    // Two workbooks open: two panes, one storage.
    const store = new MemoryTokenStore();
    await signIn(config, userSignsIn("pieter@fiduciaire-lambert.be", "sandbox-be"), store);
    store.save({ ...store.load()!, expiresAt: Date.now() - 1 });
    let refreshes = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(init?.body ?? "").includes("grant_type=refresh_token")) refreshes++;
      return fetch(input, init);
    };
    const paneA = new UserTokens(config, store, counting);
    const paneB = new UserTokens(config, store, counting);
    const [a, b] = await Promise.all([paneA.accessToken(), paneB.accessToken()]);
    expect(refreshes).toBe(1);
    expect(a).toBe(b);
    expect(store.load()).toBeDefined();
    const partner = await fetch(`${sandbox.url}/v1/partner`, {
      headers: { Authorization: `Bearer ${a}` },
    });
    expect(partner.status).toBe(200);
  });
});
