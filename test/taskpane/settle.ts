import { act } from "@testing-library/react";
import type { FakeExcel } from "../../in-memory-excel";

/**
 * Lets Excel's events and the pane's updates run, until Excel and the pane are both quiet:
 * what the pane renders may start another run, so it waits for what it expects, not a time.
 */
export async function settle(excel: FakeExcel): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const syncs = excel.counters.syncs;
    await act(async () => {
      await excel.settle();
    });
    if (excel.counters.syncs === syncs) return;
  }
  throw new Error("the pane never settled");
}
