import { Agent, request } from "node:http";

/**
 * A fetch for the add-in's client over Node's http module, with kept-alive connections. It
 * carries the load that measures the sandbox's capacity: Node's own fetch costs the client
 * about as much per request as the sandbox's whole work on a create, so the figure measured
 * the load generator instead. In the pane, fetch is the browser's, native code.
 * Plain http only, bodies as text: what the sandbox's client API needs, nothing more.
 */
export function httpTransport(connections: number): typeof fetch {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        String(input),
        {
          method: init?.method ?? "GET",
          agent,
          headers: init?.headers as Record<string, string> | undefined,
          signal: init?.signal ?? undefined,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", reject);
          incoming.on("end", () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers))
              if (typeof value === "string") headers.set(name, value);
            resolve(
              new Response(Buffer.concat(chunks).toString("utf8"), {
                status: incoming.statusCode,
                headers,
              })
            );
          });
        }
      );
      outgoing.on("error", reject);
      outgoing.end(typeof init?.body === "string" ? init.body : undefined);
    });
}
