import * as React from "react";
import type { RegistryCheckOptions } from "../../api";
import type { RegistryAnswer } from "../../core";
import {
  describeError,
  readRegistryMemory,
  rememberRegistryAnswers,
  type LiveSession,
} from "../../excel";

/** Asks the partner API about numbers, in batches (src/api/registry.ts's lookupCompanies). */
export type RegistryLookup = (
  numbers: readonly string[],
  options: Pick<RegistryCheckOptions, "signal" | "onBatch">
) => Promise<Map<string, RegistryAnswer>>;

type RegistryOutcome =
  | ({ kind: "done"; peppol?: PeppolCounts } & FoundCounts)
  | { kind: "cancelled"; checked: number }
  | { kind: "failed"; reason: string }
  | { kind: "nothing" }
  | { kind: "allKnown"; count: number; rows: readonly number[] | undefined };

export interface RegistryCheck {
  progress: { done: number; total: number } | undefined;
  outcome: RegistryOutcome | undefined;
  /** Checks the rows given (all rows when undefined); `again` asks for numbers answered before. */
  check(rows?: readonly number[], again?: boolean): Promise<void>;
  cancel(): void;
}

/**
 * The registry check of a session: the answers the workbook remembers are shown as soon as
 * the session opens; a check asks only for the numbers not answered yet (unless asked again),
 * shows each batch's findings as they come, can be cancelled, and remembers every answer it
 * got in the workbook, a cancelled or failed check's included.
 */
export function useRegistryCheck(
  session: LiveSession,
  lookup: RegistryLookup | undefined
): RegistryCheck {
  const [progress, setProgress] = React.useState<RegistryCheck["progress"]>();
  const [outcome, setOutcome] = React.useState<RegistryOutcome>();
  const controller = React.useRef<AbortController | undefined>(undefined);

  React.useEffect(() => {
    let current = true;
    // Nothing remembered, or a sheet that cannot be read: the check will simply ask again.
    session
      .excel(readRegistryMemory)
      .then((answers) => current && session.applyRegistryAnswers(answers))
      .catch(() => undefined);
    return () => {
      current = false;
      controller.current?.abort();
    };
  }, [session]);

  const check = React.useCallback(
    async (rows?: readonly number[], again = false) => {
      if (!lookup || controller.current) return;
      const numbers = session.registryNumbers(rows);
      if (numbers.length === 0) return setOutcome({ kind: "nothing" });
      const asked = again
        ? numbers
        : numbers.filter((number) => !session.rows?.registryAnswer(number)?.checked);
      if (asked.length === 0) return setOutcome({ kind: "allKnown", count: numbers.length, rows });
      const abort = new AbortController();
      controller.current = abort;
      setOutcome(undefined);
      setProgress({ done: 0, total: asked.length });
      const got = new Map<string, RegistryAnswer>();
      try {
        await lookup(asked, {
          signal: abort.signal,
          onBatch: (answers, done, total) => {
            for (const [number, answer] of answers) got.set(number, answer);
            session.applyRegistryAnswers(answers);
            setProgress({ done, total });
          },
        });
        setOutcome({
          kind: "done",
          ...foundCounts(got.values()),
          shared: rowsHolding(session, rows, got) - got.size,
          peppol: peppolCounts(got.values()),
        });
      } catch (error) {
        setOutcome(
          abort.signal.aborted
            ? { kind: "cancelled", checked: got.size }
            : { kind: "failed", reason: describeError(error) }
        );
      } finally {
        controller.current = undefined;
        setProgress(undefined);
        try {
          await session.excel((context) => rememberRegistryAnswers(context, got));
        } catch (error) {
          // The answers still show in this session; only reopening would ask again.
          setOutcome({ kind: "failed", reason: describeError(error) });
        }
      }
    },
    [session, lookup]
  );

  const cancel = React.useCallback(() => controller.current?.abort(), []);
  return { progress, outcome, check, cancel };
}

/**
 * What the registries said of the numbers asked, and how many more rows than numbers there
 * are (rows sharing a number): the summary agrees with the rows the findings list.
 */
interface FoundCounts {
  numbers: number;
  active: number;
  /** Unknown to the registries, or not active. */
  unknown: number;
  /** The registry did not answer. */
  unchecked: number;
  shared: number;
}

function foundCounts(answers: Iterable<RegistryAnswer>): Omit<FoundCounts, "shared"> {
  const counts = { numbers: 0, active: 0, unknown: 0, unchecked: 0 };
  for (const answer of answers) {
    counts.numbers++;
    if (!answer.checked) counts.unchecked++;
    else if (answer.known && answer.active) counts.active++;
    else counts.unknown++;
  }
  return counts;
}

/** The rows (among `rows`, all when undefined) whose registry number was answered. */
function rowsHolding(
  session: LiveSession,
  rows: readonly number[] | undefined,
  answered: ReadonlyMap<string, RegistryAnswer>
): number {
  const live = session.rows;
  if (!live) return answered.size;
  const indexes = rows ?? [...Array(live.length).keys()];
  return indexes.filter((index) => {
    const key = live.registryKey(index);
    return key !== undefined && answered.has(key.number);
  }).length;
}

/** What the Peppol lookup found among the answers (by the SMPs, not the Directory). */
interface PeppolCounts {
  invoices: number;
  other: number;
  none: number;
}

function peppolCounts(answers: Iterable<RegistryAnswer>): PeppolCounts | undefined {
  const counts: PeppolCounts = { invoices: 0, other: 0, none: 0 };
  let looked = false;
  for (const { peppol } of answers) {
    if (!peppol?.checked || peppol.reachable == null) continue;
    looked = true;
    if (peppol.reachable) counts.invoices++;
    else if (peppol.inSmp) counts.other++;
    else counts.none++;
  }
  return looked ? counts : undefined;
}
