import * as React from "react";
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { themeNameOf, type OfficeThemeColors, type PaneThemeName } from "./theme";

const FORCED_COLORS = "(forced-colors: active)";
const DARK_SCHEME = "(prefers-color-scheme: dark)";

/**
 * The pane in the theme Office and Windows ask for: read when the pane opens and again when it
 * regains the focus (Excel raises no event when its theme changes; a user who changes it comes
 * back to the pane), and at once when Windows high contrast is turned on or off (see
 * themeNameOf).
 */
export function ThemedPane({
  readOfficeTheme,
  children,
}: {
  readOfficeTheme: () => OfficeThemeColors | undefined;
  children: React.ReactNode;
}) {
  const [name, setName] = React.useState<PaneThemeName>("light");
  const [themes, setThemes] = React.useState<Partial<Record<PaneThemeName, Theme>>>({
    light: webLightTheme,
  });

  React.useEffect(() => {
    const forced = window.matchMedia?.(FORCED_COLORS);
    const dark = window.matchMedia?.(DARK_SCHEME);
    const read = () => {
      let office: OfficeThemeColors | undefined;
      try {
        office = readOfficeTheme();
      } catch {
        // Not in Office, or a host without a theme: the light theme.
      }
      setName(
        themeNameOf(office, {
          forcedColors: forced?.matches ?? false,
          darkScheme: dark?.matches ?? false,
        })
      );
    };
    read();
    window.addEventListener("focus", read);
    forced?.addEventListener?.("change", read);
    dark?.addEventListener?.("change", read);
    return () => {
      window.removeEventListener("focus", read);
      forced?.removeEventListener?.("change", read);
      dark?.removeEventListener?.("change", read);
    };
  }, [readOfficeTheme]);

  React.useEffect(() => {
    if (themes[name]) return;
    let current = true;
    void import("./other-themes").then((loaded) => {
      if (current)
        setThemes((known) => ({ ...known, dark: loaded.dark, highContrast: loaded.highContrast }));
    });
    return () => {
      current = false;
    };
  }, [name, themes]);

  // Until its chunk is here, a theme not loaded yet shows as the light one.
  const theme = themes[name] ?? webLightTheme;
  return (
    <FluentProvider
      theme={theme}
      data-theme={themes[name] ? name : "light"}
      style={{ minHeight: "100vh" }}
    >
      {children}
    </FluentProvider>
  );
}
