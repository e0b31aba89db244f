/**
 * FNV-1a over the UTF-16 code units of `text` from `from` to its end, as a signed 32-bit
 * integer (as the tables' Int32Array slots hold it). The open-addressing tables of bulk and
 * live judgement use it: a key is hashed in place, never cut out to be hashed.
 */
export function hashOf(text: string, from = 0): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
