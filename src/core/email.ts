// Local part as the common providers accept it: dot-separated atoms of ASCII letters, digits
// and the RFC 5322 specials; no quotes, no spaces, no leading, trailing or double dots.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// A domain label in any script (internationalized domains), no leading or trailing hyphen.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
// A top-level domain is letters (any script, two or more) or an ASCII punycode label.
const TOP_LEVEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;

// A strict ASCII subset of the rule below, checked first because nearly every address fits it.
const COMMON_ASCII =
  /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isValidEmail(text: string): boolean {
  if (text.length > 254) return false;
  if (COMMON_ASCII.test(text) && text.indexOf("@") <= 64) return true;
  // Full-width or other compatibility forms (ｇｍａｉｌ.com) look right but are other characters:
  // not the address as written (diagnoseEmail offers the NFKC form).
  if (text.normalize("NFKC") !== text) return false;
  const at = text.lastIndexOf("@");
  if (at <= 0 || at !== text.indexOf("@")) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const label of labels) if (!LABEL.test(label)) return false;
  return TOP_LEVEL.test(labels[labels.length - 1] as string);
}

/**
 * The one address inside a value that certainly means it: "Name <a@b.be>" or "mailto:a@b.be".
 * Returns undefined when there is no such single address.
 */
function extractEmail(text: string): string | undefined {
  const angled = /^[^<>]*<([^<>\s]+)>$/.exec(text);
  const candidate = angled ? angled[1] : /^mailto:(\S+)$/i.exec(text)?.[1];
  return candidate && isValidEmail(candidate) ? candidate : undefined;
}

export type EmailFailure = "compatibility" | "nonAsciiLocalPart" | "invalid";

/**
 * Why an address that `isValidEmail` refused is wrong, and the one address it certainly
 * means when there is one: its NFKC form (full-width letters made ordinary), or the address
 * inside "Name <a@b.be>" or "mailto:a@b.be".
 */
export function diagnoseEmail(text: string): { reason: EmailFailure; fix?: string } {
  const folded = text.normalize("NFKC");
  if (folded !== text && isValidEmail(folded)) return { reason: "compatibility", fix: folded };
  const at = text.indexOf("@");
  // Accented local parts are legal (RFC 6531) but many servers on the way cannot deliver them.
  if (at > 0 && at === text.lastIndexOf("@") && /[\u0080-\uffff]/.test(text.slice(0, at))) {
    const asciiOtherwise = `x${text.slice(at)}`;
    if (isValidEmail(asciiOtherwise)) return { reason: "nonAsciiLocalPart" };
  }
  return { reason: "invalid", fix: extractEmail(text) };
}
