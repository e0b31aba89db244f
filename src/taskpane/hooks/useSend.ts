import * as React from "react";
import type { ProfileId, UiLang } from "../../core";
import { ensureStatusColumn, type LiveSession } from "../../excel";
import type { PartnerConnection } from "../connection";
import {
  planSend,
  runSend,
  sentBy,
  type Conflict,
  type SendPlan,
  type SendProgress,
  type SendReport,
} from "../../send";
import { refreshCatalog } from "../templates";
import { translate } from "../strings";

export type SendPanelState =
  | { kind: "idle" }
  | { kind: "preparing" }
  /** `changed`: the sheet changed between the summary shown first and its confirmation. */
  | { kind: "summary"; plan: SendPlan; scope: SendScope; changed?: boolean }
  | { kind: "sending"; progress: SendProgress }
  | { kind: "done"; report: SendReport }
  | { kind: "failed"; reason: string };

export interface SendScope {
  rows?: number[];
  onlyFailed?: boolean;
  /** "Update in Banqup": the rows that have a client, updated where edited. */
  onlyWithClient?: boolean;
}

/** The send flow: prepare (templates, statuses, lookup), confirm, send with progress, cancel. */
export function useSend(options: {
  session: LiveSession;
  connection: PartnerConnection | undefined;
  partnerId: string | undefined;
  region: ProfileId;
  lang: UiLang;
  /** Rows whose update was refused because their client changed in Banqup too. */
  onConflicts?: (conflicts: Conflict[]) => void;
}) {
  const { session, connection, partnerId, region, lang, onConflicts } = options;
  const [state, setState] = React.useState<SendPanelState>({ kind: "idle" });
  const [invite, setInvite] = React.useState(false);
  const [createSimilar, setCreateSimilar] = React.useState(false);
  const [updateEdited, setUpdateEdited] = React.useState(true);
  const controller = React.useRef<AbortController | undefined>(undefined);

  const prepare = React.useCallback(
    async (scope: SendScope) => {
      if (!connection || !partnerId) return;
      setState({ kind: "preparing" });
      try {
        const client = connection.client(region);
        // Template names are checked against the partner's list before anything is sent.
        await refreshCatalog(session, client);
        await ensureStatusColumn(session, lang);
        const plan = await planSend({
          session,
          client,
          partnerId,
          region,
          catalog: session.catalog ?? [],
          scope: scope.rows,
          onlyFailed: scope.onlyFailed,
          onlyWithClient: scope.onlyWithClient,
        });
        setCreateSimilar(false);
        // Rows the user changed after sending are meant to reach Banqup: their update is on
        // in every summary, unless the user unticks it there.
        setUpdateEdited(true);
        setState({ kind: "summary", plan, scope });
      } catch (error) {
        setState({ kind: "failed", reason: (error as Error).message });
      }
    },
    [connection, partnerId, region, session, lang]
  );

  const confirm = React.useCallback(async () => {
    if (state.kind !== "summary" || !connection || !partnerId) return;
    const shown = state.plan;
    setState({ kind: "preparing" });
    let plan: SendPlan;
    try {
      // The rows as they are now: what the user confirmed must still be what is sent.
      await session.reload();
      const live = session.rows;
      const rows = state.scope.rows
        ? shown.rows.flatMap((row) => live?.locate(row.row).index ?? [])
        : undefined;
      plan = await planSend({
        session,
        client: connection.client(region),
        partnerId,
        region,
        catalog: session.catalog ?? [],
        scope: rows,
        onlyFailed: state.scope.onlyFailed,
        onlyWithClient: state.scope.onlyWithClient,
      });
    } catch (error) {
      setState({ kind: "failed", reason: (error as Error).message });
      return;
    }
    if (!sameCreates(shown, plan)) {
      setState({ kind: "summary", plan, scope: state.scope, changed: true });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    const total = plan.rows.filter((row) => sentBy(row, { createSimilar, updateEdited })).length;
    setState({
      kind: "sending",
      progress: { total, created: 0, updated: 0, failed: 0, skipped: 0 },
    });
    try {
      const report = await runSend({
        plan,
        session,
        client: connection.client(region),
        lang,
        say: (key, params) => translate(lang, key, params),
        invite,
        createSimilar,
        updateEdited,
        signal: abort.signal,
        onProgress: (progress) => setState({ kind: "sending", progress }),
      });
      setState({ kind: "done", report });
      if (report.conflicts.length) onConflicts?.(report.conflicts);
    } catch (error) {
      setState({ kind: "failed", reason: (error as Error).message });
    } finally {
      controller.current = undefined;
    }
  }, [
    state,
    connection,
    partnerId,
    session,
    region,
    lang,
    invite,
    createSimilar,
    updateEdited,
    onConflicts,
  ]);

  const cancel = React.useCallback(() => {
    if (controller.current) controller.current.abort();
    else setState({ kind: "idle" });
  }, []);

  return {
    state,
    invite,
    setInvite,
    createSimilar,
    setCreateSimilar,
    updateEdited,
    setUpdateEdited,
    prepare,
    confirm,
    cancel,
  };
}

/**
 * Whether two plans would send the same requests: the same rows to create, that may already
 * be clients, and whose clients may be updated, by their idempotency keys.
 */
function sameCreates(a: SendPlan, b: SendPlan): boolean {
  const keys = (plan: SendPlan, kind: "create" | "similar" | "edited") =>
    plan.rows
      .filter((row) => row.kind === kind)
      .map((row) => (kind === "edited" ? row.updateKey : row.key))
      .sort()
      .join("\n");
  return (["create", "similar", "edited"] as const).every(
    (kind) => keys(a, kind) === keys(b, kind)
  );
}
