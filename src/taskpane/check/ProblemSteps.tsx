import * as React from "react";
import { ArrowDownRegular, ArrowUpRegular } from "@fluentui/react-icons";
import { problemCells, sheetOrder, type CellPlace } from "../../core";
import { useLanguage } from "../i18n";
import type { PanelProps } from "./panel-props";
import { StepButton } from "./StepButton";

/**
 * The next and previous problem from the selected cell, in sheet order, with a shortcut
 * (Alt+Down, Alt+Up) anywhere in the pane: every problem is reachable without the list.
 */
export function ProblemSteps({ session, view, profile }: Omit<PanelProps, "write">) {
  const { t } = useLanguage();
  const step = React.useCallback(
    (direction: 1 | -1) => {
      const cells = problemCells(view.groups, profile);
      if (cells.length === 0) return;
      const compare = sheetOrder(profile);
      const at = view.selection;
      const here = (cell: CellPlace) =>
        at?.index === undefined
          ? -1
          : Math.sign(compare(cell, { index: at.index, field: at.field }));
      const target =
        direction === 1
          ? (cells.find((cell) => here(cell) > 0) ?? cells[0]!)
          : ([...cells].reverse().find((cell) => here(cell) < 0) ?? cells[cells.length - 1]!);
      void session.goTo(target.index, target.field);
    },
    [session, view, profile]
  );
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      event.preventDefault();
      step(event.key === "ArrowDown" ? 1 : -1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [step]);
  return (
    <span>
      <StepButton label={t("previousProblem")} shortcut="Alt+ArrowUp" onClick={() => step(-1)}>
        <ArrowUpRegular />
      </StepButton>
      <StepButton label={t("nextProblem")} shortcut="Alt+ArrowDown" onClick={() => step(1)}>
        <ArrowDownRegular />
      </StepButton>
    </span>
  );
}
