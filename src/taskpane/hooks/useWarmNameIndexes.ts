import * as React from "react";
import { countryNameIndex, languageNameIndex } from "../../core";

/**
 * The first country or language name judged builds a name index (0.2–0.6 s). Inside Excel,
 * once the workbook's view is up, they are built while the pane is idle, so that typing
 * "Belgique" never waits for it. Not earlier: built during the pane's first screen, they held
 * it back by as long. Outside Excel nothing is judged, and they are not built at all.
 */
export function useWarmNameIndexes(): void {
  React.useEffect(() => {
    let cancelled = false;
    const idle = (work: () => void) => {
      const guarded = () => {
        if (!cancelled) work();
      };
      if ("requestIdleCallback" in window) window.requestIdleCallback(guarded);
      else setTimeout(guarded, 500);
    };
    idle(() => {
      countryNameIndex.get();
      idle(() => languageNameIndex.get());
    });
    return () => {
      cancelled = true;
    };
  }, []);
}
