import type { SendSay } from "../src/send";
import { translate } from "../src/taskpane/strings";
// Outside the pane every language is at hand (the pane loads its own before rendering).
import "../src/taskpane/strings/all";

/** The send's status words in French, as the pane passes them. */
export const sayFr: SendSay = (key, params) => translate("fr", key, params);
