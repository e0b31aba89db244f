import * as React from "react";
import { Caption1, Link } from "@fluentui/react-components";
import { useLanguage } from "./i18n";
import type { NewWorkbookPlace } from "./services";

/**
 * Where the exported workbook went: the new window (desktop Excel) or tab (Excel on the web)
 * to look for; where none can be shown, the file itself, to download.
 */
export function ExportWhere({ place, bytes }: { place?: NewWorkbookPlace; bytes: Uint8Array }) {
  const { t } = useLanguage();
  const url = React.useMemo(
    () =>
      place
        ? undefined
        : URL.createObjectURL(
            new Blob([bytes as BlobPart], {
              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            })
          ),
    [place, bytes]
  );
  React.useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url]
  );
  if (place) return <Caption1>{t(place === "tab" ? "exportTab" : "exportWindow")}</Caption1>;
  return (
    <Caption1>
      {t("exportDownloadHint")}{" "}
      <Link href={url} download={`banqup-import-${new Date().toISOString().slice(0, 10)}.xlsx`}>
        {t("exportDownload")}
      </Link>
    </Caption1>
  );
}
