import type * as React from "react";
import { Button, Tooltip } from "@fluentui/react-components";

/** An icon button named by its tooltip, with its keyboard shortcut announced. */
export function StepButton({
  label,
  shortcut,
  onClick,
  children,
}: {
  label: string;
  shortcut: string;
  onClick: () => void;
  children: React.JSX.Element;
}) {
  return (
    <Tooltip content={label} relationship="label">
      <Button
        size="small"
        appearance="subtle"
        icon={children}
        aria-keyshortcuts={shortcut}
        onClick={onClick}
      />
    </Tooltip>
  );
}
