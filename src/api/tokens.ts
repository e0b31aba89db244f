import * as oauth from "oauth4webapi";
import { EXPIRY_MARGIN_MS, oauthRequestOptions } from "./oauth-request";

/** Where the client gets bearer tokens; `refresh` is called once after a 401. */
export interface TokenSource {
  accessToken(signal?: AbortSignal): Promise<string>;
  refresh(signal?: AbortSignal): Promise<string>;
}

/**
 * OAuth 2.0 client credentials (automation, tests, benchmarks), by oauth4webapi: a token
 * cached until shortly before `expires_in` runs out, fetched again on refresh.
 */
export class ClientCredentials implements TokenSource {
  private token?: { value: string; expiresAt: number };

  constructor(
    private readonly tokenUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init)
  ) {}

  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    return this.refresh(signal);
  }

  async refresh(signal?: AbortSignal): Promise<string> {
    const server = { issuer: new URL(this.tokenUrl).origin, token_endpoint: this.tokenUrl };
    const client = { client_id: this.clientId };
    let body: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.clientCredentialsGrantRequest(
        server,
        client,
        oauth.ClientSecretPost(this.clientSecret),
        {},
        { ...oauthRequestOptions(this.tokenUrl, this.fetchImpl), signal }
      );
      body = await oauth.processClientCredentialsResponse(server, client, response);
    } catch (error) {
      const reason =
        error instanceof oauth.ResponseBodyError
          ? (error.error_description ?? error.error)
          : (error as Error).message;
      throw new Error(`Sign-in failed: ${reason}`);
    }
    const lifetime = Math.max(1_000, (body.expires_in ?? 300) * 1000 - EXPIRY_MARGIN_MS);
    this.token = { value: body.access_token, expiresAt: Date.now() + lifetime };
    return body.access_token;
  }
}
