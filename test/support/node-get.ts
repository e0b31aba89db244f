import { get } from "node:http";

/**
 * A GET over Node's own HTTP, for a sandbox started inside a jsdom test: there `fetch` is the
 * page's (XMLHttpRequest, with CORS), and the sandbox's calls to its registries are a
 * server's, not a page's. Only what the registries read: the status and the text.
 */
export const nodeGet = ((url: string) =>
  new Promise((resolve, reject) => {
    get(url, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, text: async () => text } as Response)
      );
    }).on("error", reject);
  })) as unknown as typeof fetch;
