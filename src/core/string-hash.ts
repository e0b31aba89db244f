/**
 * FNV-1a over the UTF-16 code units of `text`, as a signed 32-bit integer (as the tables'
 * Int32Array slots hold it): the open-addressing tables of bulk and live judgement hash with it.
 */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
