/**
 * A plain grid of the preview's in-memory workbook, beside the pane: cells with their values
 * and the add-in's highlights, a formula bar to type into the selected cell, a box to paste
 * tab-separated rows, and the visible sheets as tabs. Every action goes through the fake's
 * user actions, so the add-in sees the events Excel would raise.
 */
import type { FakeExcel } from "../in-memory-excel";
import { columnName } from "../in-memory-excel/a1";

const ROWS = 60;
const MIN_COLUMNS = 20;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

export function mountGrid(container: HTMLElement, excel: FakeExcel): void {
  let anchor = { row: 1, column: 0 };
  let focus = { row: 1, column: 0 };
  // The workbook's selection as the grid last set or saw it: another change of it is the
  // add-in's (its "Row N" links select a cell), which the grid then follows.
  let known = "";
  const selectionKey = () => JSON.stringify(excel.state.selection);

  const sheetName = () => excel.state.sheetById(excel.state.activeSheetId).name;
  const selection = () => {
    const top = Math.min(anchor.row, focus.row);
    const bottom = Math.max(anchor.row, focus.row);
    const left = Math.min(anchor.column, focus.column);
    const right = Math.max(anchor.column, focus.column);
    const start = `${columnName(left)}${top + 1}`;
    const end = `${columnName(right)}${bottom + 1}`;
    return start === end ? start : `${start}:${end}`;
  };

  const tabs = element("div", { className: "tabs", role: "tablist" });
  const addressLabel = element("label", { htmlFor: "cell-input", className: "address" });
  const input = element("input", { id: "cell-input", type: "text", autocomplete: "off" });
  const paste = element("textarea", {
    id: "paste-rows",
    rows: 3,
    placeholder: "Tab-separated rows",
  });
  const pasteLabel = element("label", {
    htmlFor: "paste-rows",
    textContent: "Rows to paste at the selected cell",
  });
  const pasteButton = element("button", { type: "button", textContent: "Paste" });
  const table = element("table", { className: "grid" });
  table.setAttribute("aria-label", "Workbook");
  container.append(
    tabs,
    element("div", { className: "bar" }, [addressLabel, input]),
    element("div", { className: "paste" }, [pasteLabel, paste, pasteButton]),
    element("div", { className: "scroll" }, [table])
  );

  const select = async (row: number, column: number, extend: boolean) => {
    focus = { row, column };
    if (!extend) anchor = { row, column };
    render();
    await excel.user.select(sheetName(), selection());
    known = selectionKey();
  };

  /** Takes the workbook's selection when the add-in changed it, and shows its cell. */
  function followSelection(): boolean {
    const key = selectionKey();
    if (key === known) return false;
    known = key;
    const { sheetId, rect } = excel.state.selection;
    if (sheetId !== excel.state.activeSheetId) return false;
    anchor = { row: rect.top, column: rect.left };
    focus = { row: rect.bottom, column: rect.right };
    return true;
  }

  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const address = `${columnName(focus.column)}${focus.row + 1}`;
    void excel.user
      .type(sheetName(), address, [[input.value]])
      .then(() => select(focus.row + 1, focus.column, false));
  });
  pasteButton.addEventListener("click", () => {
    const rows = paste.value
      .replace(/\r/g, "")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => line.split("\t"));
    if (rows.length === 0) return;
    const address = `${columnName(Math.min(anchor.column, focus.column))}${Math.min(anchor.row, focus.row) + 1}`;
    void excel.user.type(sheetName(), address, rows).then(() => {
      paste.value = "";
      render();
    });
  });

  function render(): void {
    const followed = followSelection();
    const sheet = excel.sheet(sheetName());
    tabs.replaceChildren(
      ...excel.state.visibleSheets().map((candidate) => {
        const tab = element("button", { type: "button", textContent: candidate.name, role: "tab" });
        tab.setAttribute("aria-selected", String(candidate.name === sheet.name));
        tab.addEventListener("click", () => {
          excel.user.activate(candidate.name);
          anchor = focus = { row: 1, column: 0 };
          render();
        });
        return tab;
      })
    );
    const used = sheet.usedRect();
    const columns = Math.max(MIN_COLUMNS, (used?.right ?? 0) + 2);
    const rows = Math.max(ROWS, (used?.bottom ?? 0) + 2);
    const head = element("tr", {}, [element("th", { scope: "col", textContent: "" })]);
    for (let c = 0; c < columns; c++)
      head.append(element("th", { scope: "col", textContent: columnName(c) }));
    const body: HTMLTableRowElement[] = [];
    const top = Math.min(anchor.row, focus.row);
    const bottom = Math.max(anchor.row, focus.row);
    const left = Math.min(anchor.column, focus.column);
    const right = Math.max(anchor.column, focus.column);
    for (let r = 0; r < rows; r++) {
      // Hidden rows are not drawn, as in Excel; their numbers skip.
      if (sheet.hiddenRows.has(r)) continue;
      const line = element("tr", {}, [element("th", { scope: "row", textContent: String(r + 1) })]);
      for (let c = 0; c < columns; c++) {
        const address = `${columnName(c)}${r + 1}`;
        const value = sheet.value(r, c);
        const cell = element("td", { textContent: value === "" ? "" : String(value) });
        cell.dataset.address = address;
        const highlight = excel.highlightFormatAt(sheet.name, address);
        const fill = highlight?.fill ?? sheet.cell(r, c)?.fill;
        if (fill) cell.style.background = fill;
        if (highlight) {
          cell.dataset.invalid = "true";
          // Drawn as Excel draws the rule: its font, bold, and its dashed box.
          if (highlight.fontColor) cell.style.color = highlight.fontColor;
          if (highlight.bold) cell.style.fontWeight = "bold";
          const box = highlight.borders?.EdgeTop;
          if (box?.style === "Dash")
            cell.style.outline = `1px dashed ${box.color ?? "currentColor"}`;
        }
        // One box around the whole selection, as Excel draws it: edges on its outer cells only.
        if (r >= top && r <= bottom && c >= left && c <= right) {
          cell.className = "selected";
          const edges = [
            r === top && "inset 0 2px 0 #217346",
            r === bottom && "inset 0 -2px 0 #217346",
            c === left && "inset 2px 0 0 #217346",
            c === right && "inset -2px 0 0 #217346",
          ].filter(Boolean);
          if (edges.length) cell.style.boxShadow = edges.join(", ");
        }
        cell.addEventListener("click", (event) => void select(r, c, event.shiftKey));
        line.append(cell);
      }
      body.push(line);
    }
    table.replaceChildren(element("thead", {}, [head]), element("tbody", {}, body));
    addressLabel.textContent = `${columnName(focus.column)}${focus.row + 1}`;
    if (followed)
      table
        .querySelector(`td[data-address="${columnName(focus.column)}${focus.row + 1}"]`)
        ?.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (followed || document.activeElement !== input) {
      const value = sheet.value(focus.row, focus.column);
      input.value = value === "" ? "" : String(value);
    }
  }

  render();
  // The add-in writes too (fixes, statuses): the grid follows.
  window.setInterval(render, 400);
}
