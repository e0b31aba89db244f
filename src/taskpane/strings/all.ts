import { en } from "./en";
import { fr } from "./fr";
import { nl } from "./nl";
import { addStrings } from "./index";

/** Every language's words at once, for code that runs outside the pane (the tests, the bench). */
export const STRINGS = { en, fr, nl } as const;

/** Makes `translate` answer in each language without a download. */
export function addAllStrings(): void {
  for (const [lang, catalog] of Object.entries(STRINGS))
    addStrings(lang as keyof typeof STRINGS, catalog);
}
