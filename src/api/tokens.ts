import { readTokenAnswer } from "./token-answer";
/** Where the client gets bearer tokens; `refresh` is called once after a 401. */
export interface TokenSource {
  accessToken(signal?: AbortSignal): Promise<string>;
  refresh(signal?: AbortSignal): Promise<string>;
}

/**
 * OAuth 2.0 client credentials (automation, tests, benchmarks): a token cached until shortly
 * before `expires_in` runs out, fetched again on refresh.
 */
export class ClientCredentials implements TokenSource {
  private token?: { value: string; expiresAt: number };

  constructor(
    private readonly tokenUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly fetchImpl: typeof fetch = fetch
  ) {}

  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    return this.refresh(signal);
  }

  async refresh(signal?: AbortSignal): Promise<string> {
    const response = await this.fetchImpl(this.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: this.clientId,
        client_secret: this.clientSecret,
      }),
      signal,
    });
    const body = await readTokenAnswer(response);
    if (!response.ok || !body.access_token) {
      throw new Error(`Sign-in failed: ${body.error_description ?? response.statusText}`);
    }
    // Renew 30 s early, so that a token never expires in the middle of a request.
    const lifetime = Math.max(1, (body.expires_in ?? 300) - 30);
    this.token = { value: body.access_token, expiresAt: Date.now() + lifetime * 1000 };
    return body.access_token;
  }
}
