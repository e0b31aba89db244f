import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "../scripts/check-manifest";

const root = join(__dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const check = (xml: string) => checkManifest(xml, { assetsRoot: root });

describe("the add-in manifest (offline check of what the store requires)", () => {
  it("passes", () => {
    expect(check(manifest)).toEqual([]);
  });

  it("declares the API set the Excel code needs (data validation: ExcelApi 1.8)", () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\/>/);
  });

  it.each([
    [
      "a non-GUID Id",
      (xml: string) => xml.replace(/<Id>[^<]+<\/Id>/, "<Id>my-addin</Id>"),
      "Id must be a GUID",
    ],
    [
      "a three-part Version",
      (xml: string) => xml.replace(/<Version>[^<]+/, "<Version>1.0.0"),
      "Version must have the form a.b.c.d",
    ],
    [
      "an HTTP URL",
      (xml: string) =>
        xml.replace("https://localhost:3000/support.html", "http://localhost:3000/support.html"),
      "not HTTPS: http://localhost:3000/support.html",
    ],
    [
      "an undefined resid",
      (xml: string) => xml.replace('resid="OpenPane.Tooltip"', 'resid="OpenPane.Help"'),
      "resid OpenPane.Help is not defined in Resources",
    ],
    [
      "no Workbook host",
      (xml: string) => xml.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'),
      "Hosts must include Workbook (Excel)",
    ],
    [
      "a 64 px icon as IconUrl",
      (xml: string) =>
        xml.replace(
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>'
        ),
      "IconUrl: https://localhost:3000/assets/icon-64.png must be a 32×32 PNG",
    ],
    [
      "a missing ribbon icon size",
      (xml: string) => xml.replaceAll('<bt:Image size="80" resid="Icon.80x80"/>', ""),
      "the ribbon needs a 80 px icon",
    ],
    [
      "read-only permissions",
      (xml: string) => xml.replace("ReadWriteDocument", "ReadDocument"),
      "Permissions must be ReadWriteDocument (the add-in writes the template)",
    ],
    ["broken XML", (xml: string) => xml.replace("</Hosts>", ""), "not well-formed XML"],
  ])("refuses %s", (_name, breakIt, problem) => {
    const problems = check(breakIt(manifest));
    expect(problems.some((found) => found.startsWith(problem))).toBe(true);
  });
});
