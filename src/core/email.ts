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

/**
 * Mail providers people type every day, by the name before the top-level domain, with the
 * top-level domains each really has: "gmial.com" and "gmail.con" are typos of these.
 */
const PROVIDER_TLDS: Readonly<Record<string, readonly string[]>> = {
  gmail: ["com"],
  googlemail: ["com"],
  hotmail: ["com", "fr", "be", "nl", "co.uk", "de", "es", "it"],
  outlook: ["com", "fr", "be", "nl", "de", "es"],
  live: ["com", "fr", "be", "nl"],
  yahoo: ["com", "fr", "co.uk", "de", "es", "it"],
  icloud: ["com"],
  skynet: ["be"],
  telenet: ["be"],
  proximus: ["be"],
  scarlet: ["be"],
  orange: ["fr", "be"],
  menara: ["ma"],
};

/**
 * Provider names whose one-letter typos are suggested: long and unlike ordinary words
 * ("live", "orange" and "scarlet" are words, and company domains like "lime.be" exist).
 */
const TYPO_MATCHED = [
  "gmail",
  "googlemail",
  "hotmail",
  "outlook",
  "yahoo",
  "icloud",
  "skynet",
  "telenet",
  "proximus",
  "menara",
];

/** A Map, not the object: a domain named "constructor" is no provider. */
const PROVIDERS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(PROVIDER_TLDS));

/**
 * The typo-matched providers a name of each length can be one typo from (a letter more, less
 * or changed): most names are none, and are let go without a comparison.
 */
const TYPO_CANDIDATES = new Map<number, string[]>();
for (const provider of TYPO_MATCHED) {
  for (const length of [provider.length - 1, provider.length, provider.length + 1]) {
    const candidates = TYPO_CANDIDATES.get(length) ?? [];
    candidates.push(provider);
    TYPO_CANDIDATES.set(length, candidates);
  }
}

/** Top-level domains typed for "com": none of them exists. */
const COM_TYPOS = new Set(["con", "cmo", "ocm", "comm", "coom", "cim", "vom", "xom", "cpm", "om"]);

/**
 * The address a valid-looking one most likely meant, when its domain is a common provider's
 * with one typo ("sophie@gmail.con" → "sophie@gmail.com", "jan@hotmial.be" →
 * "jan@hotmail.be"); undefined otherwise. A suggestion, never certain: the domain may exist.
 */
export function suggestEmailDomain(address: string): string | undefined {
  const at = address.lastIndexOf("@");
  if (at <= 0) return undefined;
  const domain = address.slice(at + 1);
  // A sheet's addresses share few domains (its clients', the providers'): each is looked at once.
  let fixed = domainFixes.get(domain);
  if (fixed === undefined) {
    fixed = providerDomain(domain.toLowerCase()) ?? null;
    if (domainFixes.size >= DOMAINS_REMEMBERED) domainFixes.clear();
    domainFixes.set(domain, fixed);
  }
  return fixed === null ? undefined : `${address.slice(0, at)}@${fixed}`;
}

const DOMAINS_REMEMBERED = 10_000;
const domainFixes = new Map<string, string | null>();

/** The provider's domain a lowercase domain is one typo from; undefined when none. */
function providerDomain(domain: string): string | undefined {
  const dot = domain.indexOf(".");
  if (dot <= 0) return undefined;
  const name = domain.slice(0, dot);
  const tld = domain.slice(dot + 1);
  const known = PROVIDERS.get(name);
  if (known) {
    if (known.includes(tld)) return undefined;
    if (COM_TYPOS.has(tld) && known.includes("com")) return `${name}.com`;
    return undefined;
  }
  for (const provider of TYPO_CANDIDATES.get(name.length) ?? []) {
    const tlds = PROVIDERS.get(provider)!;
    if (!oneTypoApart(name, provider)) continue;
    const fixedTld = tlds.includes(tld)
      ? tld
      : COM_TYPOS.has(tld) && tlds.includes("com")
        ? "com"
        : undefined;
    if (fixedTld) return `${provider}.${fixedTld}`;
  }
  return undefined;
}

/** One letter left out, added, changed, or two neighbours swapped (and not the same word). */
function oneTypoApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** Whether `a` from `i` and `b` from `j` are the same text (compared in place: no copies). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
