import * as React from "react";
import type { Client } from "../../api";
import type { FieldDifference } from "../../core";
import { differencesAt } from "../../send";
import type { PaneWork } from "../banqup/work";
import { useSessionView } from "./useLiveSession";
import type { ChangedRow } from "./useStatusCounts";

/** Rows whose changes are spelled out; the others are counted. */
const ROWS_SPELLED_OUT = 5;

export interface ChangeSinceSent {
  index: number;
  differences: FieldDifference[];
}

/**
 * What changed in the first rows edited since they were sent: each row's client is read from
 * Banqup once (again only when other rows are edited), and compared with the row as it is now
 * at every change of the sheet. A client that cannot be read is left out (its row still counts).
 */
export function useChangesSinceSent(
  work: PaneWork,
  rows: readonly ChangedRow[]
): ChangeSinceSent[] {
  const { session, connection, region } = work;
  const { summary } = useSessionView(session);
  const [clients, setClients] = React.useState<ReadonlyMap<string, Client>>(new Map());
  const wanted = rows
    .slice(0, ROWS_SPELLED_OUT)
    .map((row) => row.clientId)
    .join(" ");
  React.useEffect(() => {
    if (wanted === "") return;
    const abort = new AbortController();
    const api = connection.client(region);
    void Promise.allSettled(wanted.split(" ").map((id) => api.getClient(id, abort.signal))).then(
      (answers) => {
        if (abort.signal.aborted) return;
        const read = answers.flatMap((answer) =>
          answer.status === "fulfilled" ? [answer.value] : []
        );
        setClients(new Map(read.map((client) => [client.id, client])));
      }
    );
    return () => abort.abort();
  }, [connection, region, wanted]);
  return React.useMemo(() => {
    // Comparing needs the rows and the templates only, not the API's client.
    const reading = { session, region, catalog: session.catalog ?? [] };
    return rows.slice(0, ROWS_SPELLED_OUT).flatMap(({ index, clientId }) => {
      const client = clients.get(clientId);
      const differences = client ? differencesAt(reading, index, client) : [];
      return differences.length ? [{ index, differences }] : [];
    });
    // Compared again at each change of the sheet (summary), with the clients already read.
  }, [session, region, clients, rows, summary]);
}
