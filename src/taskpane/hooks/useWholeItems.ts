import * as React from "react";

/**
 * A list that scrolls in an area of at most `share` of the window's height, cut between two of
 * its items rather than through one (a message half hidden reads as a different message): the
 * area's height is set to the bottom of the last item that fits whole. When even the first
 * does not fit, the area keeps its full height. Measured after every render and on resize.
 */
export function useWholeItems<T extends HTMLElement>(share: number): React.RefObject<T | null> {
  const ref = React.useRef<T>(null);
  React.useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const fit = () => {
      const limit = Math.round(window.innerHeight * share);
      const top = list.getBoundingClientRect().top - list.scrollTop;
      let whole = 0;
      for (const item of Array.from(list.children)) {
        const bottom = Math.ceil(item.getBoundingClientRect().bottom - top);
        if (bottom > limit) break;
        whole = bottom;
      }
      list.style.maxHeight = `${whole > 0 ? whole : limit}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  });
  return ref;
}
