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

// jsdom's Blob has no arrayBuffer() (browsers have had it since 2019): the export reads the
// file it wrote through it. FileReader gives the same bytes.
if (typeof Blob !== "undefined" && !Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// jsdom has no object URLs: the export's download link makes one of its file. Each URL names
// its blob here, so that a test can read what the link would download.
const blobs = new Map<string, Blob>();
if (typeof URL !== "undefined" && !URL.createObjectURL) {
  let next = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:jsdom/${++next}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
}

/** The blob an object URL stands for, while it is not revoked. */
export function blobAt(url: string): Blob | undefined {
  return blobs.get(url);
}
