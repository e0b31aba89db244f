import * as React from "react";
import type { Profile } from "../../core";
import {
  LiveSession,
  SessionProblem,
  type AreaSpec,
  type ExcelRun,
  type HostRequirements,
} from "../../excel";

/**
 * The live checking of the workbook's client area: opened when the area is known, closed
 * when the pane goes or the area changes. `version` changes whenever the verdicts do; the
 * session's problem is read as it is now, so it clears once a round succeeds again.
 */
export function useLiveSession(
  run: ExcelRun | undefined,
  profile: Profile,
  area: AreaSpec | undefined,
  requirements?: HostRequirements
) {
  const [session, setSession] = React.useState<LiveSession>();
  const [openFailure, setOpenFailure] = React.useState<SessionProblem>();
  const [opening, setOpening] = React.useState(false);
  const [version, bump] = React.useReducer((n: number) => n + 1, 0);
  const areaKey = area ? JSON.stringify(area) : "";

  React.useEffect(() => {
    if (!run || !areaKey) return;
    let mounted = true;
    let opened: LiveSession | undefined;
    setOpening(true);
    setOpenFailure(undefined);
    LiveSession.open({
      run,
      profile,
      spec: JSON.parse(areaKey) as AreaSpec,
      requirements,
      onUpdate: () => mounted && bump(),
    }).then(
      (next) => {
        opened = next;
        if (!mounted) {
          void next.close();
          return;
        }
        setSession(next);
        setOpening(false);
      },
      () => {
        if (!mounted) return;
        setOpening(false);
        setOpenFailure(new SessionProblem("excel"));
      }
    );
    return () => {
      mounted = false;
      setSession(undefined);
      void opened?.close();
    };
  }, [run, profile, areaKey, requirements]);

  return {
    session,
    problem: session ? session.problem : openFailure,
    busy: opening || (session?.busy ?? false),
    version,
  };
}
