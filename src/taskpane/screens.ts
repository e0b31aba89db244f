import { screenChunk } from "./screen-chunk";

// The pane's screens, each in a chunk of its own. Inside Excel, the workbook's view (and the
// Excel code under it); outside, the template's columns (never loaded inside Excel).
export const workbookScreen = screenChunk(() => import("./Workbook"));
export const outsideExcelScreen = screenChunk(() => import("./OutsideExcel"));

/**
 * The screen the pane will show, loading from the moment this module runs (index.tsx imports
 * it first, before React's renderer and Fluent UI are set up): with Office.js on the page, the
 * workbook's view (it downloads while Office starts); without, the template's columns. A failed
 * download is not lost: rendering the screen tries again, and says so if it fails again.
 */
export const firstScreen: Promise<void> = (
  typeof Office !== "undefined" ? workbookScreen : outsideExcelScreen
)
  .preload()
  .then(
    () => undefined,
    () => undefined
  );
