/** The preview page's grid: mounted beside the pane, on the same in-memory workbook. */
import { mountGrid } from "./grid";

const preview = window.__banqupPreview;
const container = document.getElementById("grid");
if (preview && container) mountGrid(container, preview.excel);
