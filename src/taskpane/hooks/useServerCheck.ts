import * as React from "react";
import type { LiveSession } from "../../excel";
import type { ServerCheckReport } from "../../send";
import { describeError } from "../../excel";

/** Runs Banqup's dry run over the session's rows (src/send/server-check.ts). */
export type ServerCheck = (options: {
  signal: AbortSignal;
  onProgress: (progress: { done: number; total: number }) => void;
}) => Promise<ServerCheckReport>;

type ServerCheckOutcome =
  | { kind: "done"; report: ServerCheckReport }
  | { kind: "cancelled"; checked: number }
  | { kind: "failed"; reason: string }
  | { kind: "nothing" };

export interface ServerCheckState {
  progress: { done: number; total: number } | undefined;
  outcome: ServerCheckOutcome | undefined;
  check(): Promise<void>;
  cancel(): void;
}

/**
 * "Check with Banqup" in a session: one check at a time, progress while it runs, Cancel, and
 * what it found. What Banqup would refuse is on the cells already (the check marks them).
 */
export function useServerCheck(
  session: LiveSession,
  serverCheck: ServerCheck | undefined
): ServerCheckState {
  const [progress, setProgress] = React.useState<ServerCheckState["progress"]>();
  const [outcome, setOutcome] = React.useState<ServerCheckOutcome>();
  const controller = React.useRef<AbortController | undefined>(undefined);
  React.useEffect(() => () => controller.current?.abort(), [session]);

  const check = React.useCallback(async () => {
    if (!serverCheck || controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    setOutcome(undefined);
    setProgress({ done: 0, total: 0 });
    let done = 0;
    try {
      const report = await serverCheck({
        signal: abort.signal,
        onProgress: (now) => {
          done = now.done;
          setProgress(now);
        },
      });
      if (report.cancelled) setOutcome({ kind: "cancelled", checked: report.checked });
      else if (report.checked === 0) setOutcome({ kind: "nothing" });
      else setOutcome({ kind: "done", report });
    } catch (error) {
      setOutcome(
        abort.signal.aborted
          ? { kind: "cancelled", checked: done }
          : { kind: "failed", reason: describeError(error) }
      );
    } finally {
      controller.current = undefined;
      setProgress(undefined);
    }
  }, [session, serverCheck]);

  const cancel = React.useCallback(() => controller.current?.abort(), []);
  return { progress, outcome, check, cancel };
}
