/** Which of Fluent's themes the pane wears. */
export type PaneThemeName = "light" | "dark" | "highContrast";

/** What the pane reads of Office's theme (Office.context.officeTheme, ExcelApi-independent). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/**
 * The pane's theme: Windows high contrast (`forced-colors`) first, where the user's own
 * colours rule. Fluent's high-contrast theme is a dark one (black, yellow links): worn under a
 * light high-contrast scheme (High Contrast White) its links would be yellow on white, so
 * there the light theme goes under the system's colours. Then Office's theme, dark when its
 * body background is dark: not every host gives a "dark" flag, every one gives that colour.
 */
export function themeNameOf(
  office: OfficeThemeColors | undefined,
  system: { forcedColors: boolean; darkScheme: boolean }
): PaneThemeName {
  if (system.forcedColors) return system.darkScheme ? "highContrast" : "light";
  const background = office?.bodyBackgroundColor;
  return background && relativeLuminance(background) < 0.4 ? "dark" : "light";
}

/** WCAG's relative luminance of "#RRGGBB" (1 for white); 1 for anything else. */
function relativeLuminance(color: string): number {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return 1;
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
