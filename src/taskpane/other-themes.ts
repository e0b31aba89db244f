/**
 * The themes the pane wears besides the light one, in a chunk of their own: most panes open
 * light, and the first screen's size counts.
 */
export {
  teamsHighContrastTheme as highContrast,
  webDarkTheme as dark,
} from "@fluentui/react-components";
