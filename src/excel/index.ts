/** The only code that touches Office.js. Everything takes `run` (Excel.run or the fake). */
export * from "./run";
export * from "./names";
export * from "./address";
export * from "./area";
export * from "./catalog";
export * from "./checks";
export * from "./lists";
export * from "./settings";
export * from "./session";
export * from "./payload";
export * from "./row-writes";
export * from "./template";
export * from "./workbook-state";
export * from "./status";
export * from "./results";
export * from "./dialog";
export * from "./self-check";
