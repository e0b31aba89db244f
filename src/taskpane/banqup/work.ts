import type { ProfileId, UiLang } from "../../core";
import type { LiveSession } from "../../excel";
import type { BanqupWork } from "../../send";
import type { PartnerConnection } from "../connection";
import { translate } from "../strings";

/** Who and what the pane's work with Banqup is for. */
export interface PaneWork {
  session: LiveSession;
  connection: PartnerConnection;
  partnerId: string;
  region: ProfileId;
  lang: UiLang;
}

/** The work's context: the partner's client, the templates the session knows, the words. */
export function banqupWork(pane: PaneWork, signal?: AbortSignal): BanqupWork {
  const { session, connection, partnerId, region, lang } = pane;
  return {
    session,
    client: connection.client(region),
    partnerId,
    region,
    catalog: session.catalog ?? [],
    lang,
    say: (key, params) => translate(lang, key, params),
    signal,
  };
}
