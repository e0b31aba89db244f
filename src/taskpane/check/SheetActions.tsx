import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { describeError, listProblemsOnSheet, showOnlyRowsWithProblems } from "../../excel";
import { useLanguage } from "../i18n";
import type { SheetActionOutcome } from "./ActionOutcome";
import type { PanelProps } from "./panel-props";

/**
 * Actions on the sheet, in a menu (one line at 350 px): every problem listed on a sheet of
 * its own, with links to the cells (to share or keep); only the rows with problems shown, or
 * all again. Hiding is two plain actions rather than a toggle: the rows stay hidden in the
 * workbook after the pane closes, and the pane cannot know what the user unhid by hand.
 */
export function SheetActions({
  session,
  view,
  onOutcome,
}: Omit<PanelProps, "write" | "profile"> & { onOutcome: (outcome: SheetActionOutcome) => void }) {
  const { lang, t } = useLanguage();
  const attempt = async (action: () => Promise<string>) => {
    onOutcome(undefined);
    try {
      onOutcome({ text: await action() });
    } catch (error) {
      onOutcome({ error: describeError(error) });
    }
  };
  const list = async () => {
    const sheet = await listProblemsOnSheet(session, view.groups, lang, {
      title: t("problemsSheet"),
      headers: [
        t("problemsRow"),
        t("problemsColumn"),
        t("problemsValue"),
        t("problemsMessage"),
        t("problemsLink"),
      ],
    });
    return sheet ? t("problemsListed", { sheet }) : "";
  };
  const show = async (only: boolean) => {
    const shown = await showOnlyRowsWithProblems(session, only);
    return only ? t("onlyProblemRowsShown", { count: shown }) : t("allRowsShown");
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<MoreHorizontalRegular />}>
          {t("sheetActions")}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => void attempt(list)}>{t("listProblems")}</MenuItem>
          <MenuItem onClick={() => void attempt(() => show(true))}>
            {t("showOnlyProblemRows")}
          </MenuItem>
          <MenuItem onClick={() => void attempt(() => show(false))}>
            {t("showAllSheetRows")}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
