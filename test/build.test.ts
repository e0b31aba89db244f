import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { checkManifest } from "../scripts/check-manifest";

const root = join(__dirname, "..");

describe("the production build (npm run build) for a deployment", () => {
  it("writes a bundle and a manifest whose URLs come from ADDIN_URL and API_URL", () => {
    const dist = mkdtempSync(join(tmpdir(), "dist-"));
    const build = spawnSync("npx", ["webpack", "--mode", "production"], {
      cwd: root,
      env: {
        ...process.env,
        DIST_DIR: dist,
        ADDIN_URL: "https://addin.example.com/banqup",
        API_URL: "https://partner-api.example.com",
      },
      encoding: "utf8",
    });
    expect(build.status).toBe(0);
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://addin.example.com/banqup/taskpane.html"/>'
    );
    expect(manifest).toContain("<AppDomain>https://partner-api.example.com</AppDomain>");
    // The rewritten manifest still passes the offline check; its icons are in the bundle.
    const problems = checkManifest(manifest);
    expect(problems).toEqual([]);
    for (const size of [16, 32, 64, 80])
      expect(existsSync(join(dist, "assets", `icon-${size}.png`))).toBe(true);
    // The pane talks to the configured API and loads Office.js from Microsoft's CDN.
    const pane = readdirSync(dist).find((file) => /^taskpane\..*\.js$/.test(file))!;
    expect(readFileSync(join(dist, pane), "utf8")).toContain("https://partner-api.example.com");
    expect(readFileSync(join(dist, "taskpane.html"), "utf8")).toContain(
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
    );
    for (const page of ["sign-in.html", "auth-callback.html", "support.html", "privacy.html"])
      expect(existsSync(join(dist, page))).toBe(true);
    // Every page carries a Content-Security-Policy: scripts from our origin and Office's CDN,
    // requests to our origin and the API, nothing else.
    for (const page of ["taskpane.html", "sign-in.html", "auth-callback.html"]) {
      const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(
        readFileSync(join(dist, page), "utf8")
      )?.[1];
      expect({ page, policy }).toEqual({
        page,
        policy: expect.stringContaining(
          "script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self' https://partner-api.example.com;"
        ),
      });
    }
    for (const page of ["support.html", "privacy.html"])
      expect(readFileSync(join(dist, page), "utf8")).toContain("default-src 'none'");
    // The preview and its in-memory workbook are for development only.
    expect(existsSync(join(dist, "preview.html"))).toBe(false);
    expect(readdirSync(dist).some((file) => file.startsWith("office-shim"))).toBe(false);
    // So is "Excel compatibility test": no script of the production build carries it.
    const scripts = readdirSync(dist).filter((file) => file.endsWith(".js"));
    for (const script of scripts)
      expect(readFileSync(join(dist, script), "utf8")).not.toContain("BanqupSelfCheck");
    // The first screen's scripts leave sign-in and sending to chunks loaded when needed.
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const first = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
      .map((match) => match[1]!)
      .filter((src) => !/^https?:/.test(src) || src.startsWith("https://addin.example.com"))
      .map((src) => readFileSync(join(dist, src.replace(/^.*\//, ""))));
    expect(first.length).toBeGreaterThan(0);
    const firstText = first.map((bytes) => bytes.toString("utf8")).join("\n");
    for (const later of ["code_challenge", "Idempotency-Key", "/v1/clients/lookup"])
      expect([later, firstText.includes(later)]).toEqual([later, false]);
    // Nor does it carry the pane's words: each language comes in a chunk of its own, loaded
    // for the pane's language before it renders, and that chunk holds no other language.
    const words = { fr: "Tout corriger ainsi", nl: "Alles zo verbeteren", en: "Fix all like this" };
    for (const text of Object.values(words))
      expect([text, firstText.includes(text)]).toEqual([text, false]);
    const chunks = readdirSync(dist)
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(join(dist, file), "utf8"));
    for (const [lang, text] of Object.entries(words)) {
      const holding = chunks.filter((chunk) => chunk.includes(text));
      expect([lang, holding.length]).toEqual([lang, 1]);
      const others = Object.values(words).filter((other) => other !== text);
      expect(others.some((other) => holding[0]!.includes(other))).toBe(false);
    }
    const gzipped = first.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
    // The first screen: the pane's frame; the workbook's view, the preview and the profiles' schema
    // come later or not at all.
    expect(gzipped).toBeLessThanOrEqual(130_000);
  }, 180_000);
});
