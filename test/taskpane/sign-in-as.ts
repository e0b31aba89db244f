import { request as httpRequest } from "node:http";

/**
 * Plays the user in the sign-in window: fills the sandbox's form and returns where it
 * redirects. A window navigates, it does not fetch: plain HTTP, no CORS.
 */
export function signInAs(email: string, password: string) {
  return (url: string): Promise<string> => {
    const query = Object.fromEntries(new URL(url).searchParams);
    const body = new URLSearchParams({ ...query, email, password }).toString();
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        url.replace(/\?.*$/, ""),
        {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          const location = response.headers.location;
          if (response.statusCode === 302 && location) resolve(location);
          else reject(new Error(`Wrong e-mail or password (HTTP ${response.statusCode}).`));
        }
      );
      request.on("error", reject);
      request.end(body);
    });
  };
}
