import * as React from "react";
import type { Profile } from "../../core";
import { LiveSession, SessionProblem, type AreaSpec, type ExcelRun } from "../../excel";

/**
 * The live checking of the workbook's client area: opened when the area is known, closed
 * when the pane goes or the area changes. `version` changes whenever the verdicts do.
 */
export function useLiveSession(
  run: ExcelRun | undefined,
  profile: Profile,
  area: AreaSpec | undefined
) {
  const [session, setSession] = React.useState<LiveSession>();
  const [problem, setProblem] = React.useState<SessionProblem>();
  const [opening, setOpening] = React.useState(false);
  const [version, bump] = React.useReducer((n: number) => n + 1, 0);
  const areaKey = area ? JSON.stringify(area) : "";

  React.useEffect(() => {
    if (!run || !areaKey) return;
    let live = true;
    let opened: LiveSession | undefined;
    setOpening(true);
    setProblem(undefined);
    LiveSession.open({
      run,
      profile,
      spec: JSON.parse(areaKey) as AreaSpec,
      onUpdate: () => live && bump(),
      onProblem: (next) => live && setProblem(next),
    }).then(
      (next) => {
        opened = next;
        if (!live) {
          void next.close();
          return;
        }
        setSession(next);
        setProblem(next.problem);
        setOpening(false);
      },
      () => {
        if (!live) return;
        setOpening(false);
        setProblem(new SessionProblem("excel"));
      }
    );
    return () => {
      live = false;
      setSession(undefined);
      void opened?.close();
    };
  }, [run, profile, areaKey]);

  return { session, problem, busy: opening || (session?.busy ?? false), version };
}
