import type { ExcelRun } from "../src/excel";
import type { FakeExcel } from "../in-memory-excel";

/** The in-memory Excel's `run`, as the add-in's code takes `Excel.run`. */
export function runOf(excel: FakeExcel): ExcelRun {
  return excel.run as unknown as ExcelRun;
}
