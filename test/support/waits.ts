/**
 * How long `findBy…` and `waitFor` wait in the pane's jsdom tests. Testing Library's default
 * is one second; on two shared cores running two test workers, a screen's lazily loaded code
 * can take longer than that to arrive, and a correct pane would fail. Waiting longer changes
 * no verdict: a pane that never shows the text still fails, only later.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 5_000 });
