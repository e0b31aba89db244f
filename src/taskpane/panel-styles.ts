import { makeStyles, tokens } from "@fluentui/react-components";

/** The share of the window the problem groups may take before they scroll. */
export const GROUPS_SHARE = 0.29;

/** The layout of the pane's tabs and their parts, for a 350-pixel task pane. */
export const usePanelStyles = makeStyles({
  counts: { display: "flex", gap: tokens.spacingHorizontalL },
  count: { display: "flex", flexDirection: "column" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  rows: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // The groups scroll in their own area: the pane itself never grows past its window. Their
  // height is cut between two groups (useWholeItems); scrolling stops at a group's start.
  groups: {
    maxHeight: `${GROUPS_SHARE * 100}vh`,
    overflowY: "auto",
    scrollSnapType: "y proximity",
    "& > li": { scrollSnapAlign: "start" },
  },
  // Every row of a large group, scrolling inside its own area rather than the pane.
  allRows: { maxHeight: "160px", overflowY: "auto" },
  headingRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  fixedPlace: { color: tokens.colorPaletteGreenForeground1 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});
