import { chromiumLaunchOptions } from "../../testkit/serve";

describe("finding a browser for the end-to-end tests", () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });
  it("takes CHROMIUM_PATH first", () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(chromiumLaunchOptions().executablePath).toBe(process.execPath);
  });
  it("says in one line, without a stack, when CHROMIUM_PATH names nothing", () => {
    process.env.CHROMIUM_PATH = "/nowhere/chromium";
    let error: Error | undefined;
    try {
      chromiumLaunchOptions();
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toBe("CHROMIUM_PATH is /nowhere/chromium, but there is no file there.");
    expect(error?.stack).toBe(error?.message);
  });
});
