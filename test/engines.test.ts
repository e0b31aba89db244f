/**
 * The Node.js versions package.json's `engines` names are true: the one running the tests is
 * among them, and every installed package accepts the first release of each supported line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

/** The lowest version of each line the range allows ("^20.19.0 || >=22.13.0": 20.19.0 and 22.13.0). */
const firstOfEachLine = pkg.engines.node
  .split("||")
  .map((part) => semver.minVersion(part.trim())!.version);

describe("supported Node.js versions", () => {
  it("include the Node.js running the tests", () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  it.each(firstOfEachLine)("%s is accepted by every locked package", (version) => {
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return path && wanted && !semver.satisfies(version, wanted) ? [`${path} (${wanted})`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
