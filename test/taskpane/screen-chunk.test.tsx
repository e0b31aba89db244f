/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, cleanup, render, screen } from "@testing-library/react";
import { screenChunk } from "../../src/taskpane/screen-chunk";

/** A screen with state of its own, to see whether it is mounted again. */
function Counter({ label }: { label: string }) {
  const [count, setCount] = React.useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {label} {count}
    </button>
  );
}

describe("a screen in a chunk of its own", () => {
  afterEach(cleanup);

  it("shows its fallback until the chunk is here, then the screen", async () => {
    let arrive: (module: { default: typeof Counter }) => void = () => undefined;
    const chunk = screenChunk(
      () => new Promise<{ default: typeof Counter }>((resolve) => (arrive = resolve))
    );
    render(<chunk.Screen fallback={<p>loading</p>} label="clicks" />);
    expect(screen.getByText("loading")).toBeTruthy();
    await act(async () => arrive({ default: Counter }));
    expect(await screen.findByRole("button", { name: "clicks 0" })).toBeTruthy();
  });

  it("shows a screen already loaded at once, without its fallback", async () => {
    const chunk = screenChunk(() => Promise.resolve({ default: Counter }));
    await chunk.preload();
    render(<chunk.Screen fallback={<p>loading</p>} label="clicks" />);
    expect(screen.queryByText("loading")).toBeNull();
    expect(screen.getByRole("button", { name: "clicks 0" })).toBeTruthy();
  });

  it("keeps the screen's state when its parent renders again after the chunk arrived", async () => {
    const chunk = screenChunk(() => Promise.resolve({ default: Counter }));
    const { rerender } = render(<chunk.Screen fallback={<p>loading</p>} label="clicks" />);
    const button = await screen.findByRole("button", { name: "clicks 0" });
    act(() => button.click());
    rerender(<chunk.Screen fallback={<p>loading</p>} label="clicks" />);
    expect(screen.getByRole("button", { name: "clicks 1" })).toBeTruthy();
  });
});
