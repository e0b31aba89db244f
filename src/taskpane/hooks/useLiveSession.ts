import * as React from "react";
import type { Profile } from "../../core";
import {
  LiveSession,
  SessionProblem,
  type AreaSpec,
  type ExcelRun,
  type HostRequirements,
  type SessionView,
} from "../../excel";

/**
 * The live checking of the workbook's client area: opened when the area is known, closed
 * when the pane goes or the area changes. What it shows is read with `useSessionView`.
 */
export function useLiveSession(
  run: ExcelRun | undefined,
  profile: Profile,
  area: AreaSpec | undefined,
  requirements?: HostRequirements
) {
  const [session, setSession] = React.useState<LiveSession>();
  const [failure, setFailure] = React.useState<SessionProblem>();
  const areaKey = area ? JSON.stringify(area) : "";

  React.useEffect(() => {
    if (!run || !areaKey) return;
    let mounted = true;
    let opened: LiveSession | undefined;
    setFailure(undefined);
    LiveSession.open({
      run,
      profile,
      spec: JSON.parse(areaKey) as AreaSpec,
      requirements,
    }).then(
      (next) => {
        opened = next;
        if (!mounted) {
          void next.close();
          return;
        }
        setSession(next);
      },
      () => {
        if (mounted) setFailure(new SessionProblem("excel"));
      }
    );
    return () => {
      mounted = false;
      setSession(undefined);
      void opened?.close();
    };
  }, [run, profile, areaKey, requirements]);

  return { session, failure };
}

/**
 * The session's view, re-rendered when it changes: one immutable snapshot per change, so a
 * render never sees the session half-way through a round.
 */
export function useSessionView(session: LiveSession): SessionView {
  return React.useSyncExternalStore(session.subscribe, session.getView);
}
