/**
 * jsdom lays nothing out, so it has no ResizeObserver; Fluent's message bar and menus ask for
 * one. Imported by the pane's jsdom tests.
 */
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
