import { foldForLookup } from "./text";
import { LANGUAGE_CODES } from "./data/iso639";

/**
 * The languages whose names we index: every ISO 639-1 language that the runtime's ICU knows,
 * plus Tamazight in Tifinagh (zgh, shi), which ISO 639-1 lacks and Moroccan users write.
 */
function displayLocales(): string[] {
  return Intl.DisplayNames.supportedLocalesOf([...LANGUAGE_CODES, "zgh", "shi", "tzm"]);
}

/** What a typed name resolves to: one code, several (ambiguous), or nothing. */
export type NameMatch = { code: string } | { ambiguous: string[] } | undefined;

/**
 * A folded-name → codes index, built once from `Intl.DisplayNames` in every indexed language.
 * `shortForms` maps the part of a name before a qualifier ("Kongo" of "Kongo-Kinshasa") and is
 * only used when the full name matches nothing.
 */
export class NameIndex {
  /** The names of `codes` in every indexed language, as `Intl.DisplayNames` gives them. */
  static ofDisplayNames(type: "region" | "language", codes: readonly string[]): NameIndex {
    const index = new NameIndex();
    for (const locale of displayLocales()) {
      const names = new Intl.DisplayNames([locale], { type, fallback: "none" });
      for (const code of codes) {
        const name = names.of(code);
        if (name && name !== code) index.add(name, code);
      }
    }
    return index;
  }

  private readonly names = new Map<string, Set<string>>();
  private readonly shortForms = new Map<string, Set<string>>();

  add(name: string, code: string): void {
    const key = foldForLookup(name);
    if (key === "") return;
    addTo(this.names, key, code);
    const short = shortFormOf(name);
    if (short !== key) addTo(this.shortForms, short, code);
  }

  /** Names that must resolve to exactly these codes, whatever CLDR says (docs/rules.md, Morocco's aliases). */
  force(name: string, codes: readonly string[]): void {
    this.names.set(foldForLookup(name), new Set(codes));
  }

  /** Not memoized here: the country and language rules remember their verdicts (rules.ts). */
  lookup(text: string): NameMatch {
    const key = foldForLookup(text);
    return toMatch(this.names.get(key)) ?? toMatch(this.shortForms.get(key));
  }
}

function addTo(map: Map<string, Set<string>>, key: string, code: string): void {
  const codes = map.get(key);
  if (codes) codes.add(code);
  else map.set(key, new Set([code]));
}

function toMatch(codes: Set<string> | undefined): NameMatch {
  if (!codes || codes.size === 0) return undefined;
  if (codes.size === 1) return { code: codes.values().next().value as string };
  return { ambiguous: [...codes].sort() };
}

function shortFormOf(name: string): string {
  return foldForLookup(name.split(/\s[-–]\s|[-–(,]/)[0] ?? name);
}

/** Builds a lazily created index once and remembers how long it took (reported by the bench). */
export class LazyIndex<T> {
  private value: T | undefined;
  private millis = 0;

  constructor(private readonly build: () => T) {}

  get(): T {
    if (this.value === undefined) {
      const started = performance.now();
      this.value = this.build();
      this.millis = performance.now() - started;
    }
    return this.value;
  }

  get buildMillis(): number {
    return this.millis;
  }

  /** For the benchmark only: forget the index so that its build can be timed again. */
  reset(): void {
    this.value = undefined;
    this.millis = 0;
  }
}
