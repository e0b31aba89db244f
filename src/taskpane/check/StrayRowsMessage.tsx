import * as React from "react";
import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { LiveSession, SessionView } from "../../excel";
import { useLanguage } from "../i18n";

/** Rows typed under the table that it did not take in: said, and taken in on request. */
export function StrayRowsMessage({ session, view }: { session: LiveSession; view: SessionView }) {
  const { t } = useLanguage();
  const [manual, setManual] = React.useState(false);
  const strays = view.strays;
  if (!strays) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {t("straysFound", {
          first: strays.top + 1,
          last: strays.top + strays.count,
          count: strays.count,
        })}{" "}
        {manual ? (
          t("straysHowTo")
        ) : (
          <Link
            as="button"
            onClick={() => void session.includeStrays().then((done) => setManual(!done))}
          >
            {t("straysInclude")}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
