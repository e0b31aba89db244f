import { Button } from "@fluentui/react-components";
import { registryFills } from "../../core";
import { useLanguage } from "../i18n";
import type { PanelProps } from "./panel-props";

/** The selected row's empty cells the registry can fill, in one click. */
export function RowFillButton({
  session,
  index,
  busy,
  write,
}: Pick<PanelProps, "session" | "write"> & { index: number; busy: boolean }) {
  const { t } = useLanguage();
  const fills = registryFills(session.rows, [index]);
  if (fills.length === 0) return null;
  return (
    <Button size="small" disabledFocusable={busy} onClick={() => void write(fills)}>
      {t("registryFillRow", { count: fills.length })}
    </Button>
  );
}
