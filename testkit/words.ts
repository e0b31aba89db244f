import type { SendSay } from "../src/send";
import { translate } from "../src/taskpane/strings";
import { addAllStrings } from "../src/taskpane/strings/all";

// Outside the pane every language is at hand (the pane loads its own before rendering).
addAllStrings();

/** The send's status words in French, as the pane passes them. */
export const sayFr: SendSay = (key, params) => translate("fr", key, params);
