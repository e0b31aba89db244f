/**
 * What jsdom lacks of the web platform the pane's sign-in uses (WebCrypto's digest and
 * random values, TextEncoder): Node's own. Imported first, because oauth4webapi reads them
 * when it loads. Node's digest answers an ArrayBuffer of Node's realm, which jsdom's
 * `instanceof ArrayBuffer` does not recognise: it is copied into one of jsdom's.
 */
import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";

const subtle = {
  digest: async (algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer> => {
    const digest = new Uint8Array(await webcrypto.subtle.digest(algorithm, data));
    const copy = new ArrayBuffer(digest.byteLength);
    new Uint8Array(copy).set(digest);
    return copy;
  },
};

Object.defineProperty(globalThis, "crypto", {
  value: {
    subtle,
    getRandomValues: (array: Uint8Array) => webcrypto.getRandomValues(array),
    randomUUID: () => webcrypto.randomUUID(),
  },
  configurable: true,
});
Object.assign(globalThis, { TextEncoder, TextDecoder });
