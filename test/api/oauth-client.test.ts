import {
  authorizeUrl,
  MemoryTokenStore,
  PartnerApiClient,
  signIn,
  SignInFailed,
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
});
