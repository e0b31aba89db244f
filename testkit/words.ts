import type { SendSay } from "../src/send";
import { translate } from "../src/taskpane/strings";

/** The send's status words in French, as the pane passes them. */
export const sayFr: SendSay = (key, params) => translate("fr", key, params);
