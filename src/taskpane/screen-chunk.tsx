import * as React from "react";

/**
 * A screen that comes in a chunk of its own. Once its chunk is loaded, it renders at once; a
 * lazy component would show its fallback first, and React holds back what replaces a fallback
 * for 300 ms (so that content does not pop in piece by piece): the pane's first screen waited
 * that long for nothing.
 */
export function screenChunk<P extends object>(
  load: () => Promise<{ default: React.ComponentType<P> }>
): {
  /** Starts loading the chunk (again after a failure); resolves once it is loaded. */
  preload(): Promise<unknown>;
  Screen: React.ComponentType<P & { fallback: React.ReactNode }>;
} {
  let loaded: React.ComponentType<P> | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = React.lazy(preload);
  function Screen({ fallback, ...props }: P & { fallback: React.ReactNode }) {
    // Decided once per mount: switching from the lazy component to the loaded one later would
    // mount the screen again, and lose its state.
    const [Direct] = React.useState(() => loaded);
    if (Direct) return <Direct {...(props as P)} />;
    return (
      <React.Suspense fallback={fallback}>
        <Lazy {...(props as P & React.JSX.IntrinsicAttributes)} />
      </React.Suspense>
    );
  }
  return { preload, Screen };
}
