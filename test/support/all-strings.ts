/**
 * The pane loads its own language's words before it renders (a chunk each); the tests render
 * panes in every language, and read the words they expect, without waiting for downloads.
 */
import { addAllStrings } from "../../src/taskpane/strings/all";

addAllStrings();
