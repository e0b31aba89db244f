import * as React from "react";
import type { ProfileId } from "../../core";
import {
  readWorkbookMemory,
  saveAreaSpec,
  SETTINGS,
  writeSetting,
  type AreaSpec,
  type ExcelRun,
  type WorkbookMemory,
} from "../../excel";

const EMPTY: WorkbookMemory = { region: undefined, area: undefined, catalog: undefined };

/** What the workbook remembers (region, client area, templates), and how to change it. */
export function useWorkbook(run: ExcelRun | undefined) {
  const [memory, setMemory] = React.useState<WorkbookMemory | undefined>(run ? undefined : EMPTY);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    if (!run) return;
    let mounted = true;
    readWorkbookMemory(run).then(
      (read) => mounted && setMemory(read),
      () => {
        if (!mounted) return;
        setFailed(true);
        setMemory(EMPTY);
      }
    );
    return () => {
      mounted = false;
    };
  }, [run]);

  const setRegion = React.useCallback(
    async (region: ProfileId) => {
      if (run) await writeSetting(run, SETTINGS.region, region);
      setMemory((current) => ({ ...(current ?? EMPTY), region }));
    },
    [run]
  );

  const setArea = React.useCallback(
    async (area: AreaSpec | undefined) => {
      if (run && area) await saveAreaSpec(run, area);
      // Forgetting the area: the next pane opening asks again.
      else if (run) await writeSetting(run, SETTINGS.area, null);
      setMemory((current) => ({ ...(current ?? EMPTY), area }));
    },
    [run]
  );

  return { memory, failed, setRegion, setArea };
}
