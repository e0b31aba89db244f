import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * An offline check of the add-in manifest: what the store's validator requires of an XML
 * add-in-only manifest (office-addin-manifest validate calls a remote service). Returns the
 * problems found, in plain words; none means the manifest passes.
 */
export interface ManifestCheckOptions {
  /** Where the icons the manifest points at can be found, by URL path ("/assets/icon-32.png"). */
  assetsRoot?: string;
}

type Node = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function child(node: unknown, name: string): Node | undefined {
  const value = (node as Node | undefined)?.[name];
  return (Array.isArray(value) ? value[0] : value) as Node | undefined;
}

function attr(node: unknown, name: string): string | undefined {
  const value = (node as Node | undefined)?.[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function text(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  const value = (node as Node | undefined)?.["#text"];
  return typeof value === "string" ? value : undefined;
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString("ascii", 1, 4) !== "PNG") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every attribute value and text anywhere in the document, with the path that holds it. */
function* strings(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === "string") {
    yield [path, node];
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) yield* strings(item, path);
    return;
  }
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) yield* strings(value, `${path}/${key}`);
  }
}

export function checkManifest(xml: string, options: ManifestCheckOptions = {}): string[] {
  const problems: string[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const parser = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    parseTagValue: false,
  });
  const doc = parser.parse(xml) as Node;
  const app = child(doc, "OfficeApp");
  if (!app) return ["the root element is not OfficeApp"];
  if (attr(app, "type") !== "TaskPaneApp") problems.push("OfficeApp must be xsi:type TaskPaneApp");

  const required = (name: string) => {
    const value = text(child(app, name));
    if (!value || !value.trim()) problems.push(`${name} is missing`);
    return value?.trim() ?? "";
  };
  if (!GUID.test(required("Id"))) problems.push("Id must be a GUID");
  if (!VERSION.test(required("Version"))) problems.push("Version must have the form a.b.c.d");
  required("ProviderName");
  if (!/^[a-z]{2,3}-[A-Z]{2}$/.test(required("DefaultLocale")))
    problems.push("DefaultLocale must be a locale such as en-US");
  for (const name of ["DisplayName", "Description"]) {
    const node = child(app, name);
    const value = attr(node, "DefaultValue");
    if (!value) problems.push(`${name} needs a DefaultValue`);
    const limit = name === "DisplayName" ? 125 : 250;
    for (const text of [value, ...asArray(node?.Override as Node[]).map((o) => attr(o, "Value"))])
      if (text && text.length > limit) problems.push(`${name} is longer than ${limit} characters`);
  }
  const icon = attr(child(app, "IconUrl"), "DefaultValue");
  const highRes = attr(child(app, "HighResolutionIconUrl"), "DefaultValue");
  const support = attr(child(app, "SupportUrl"), "DefaultValue");
  if (!icon) problems.push("IconUrl is missing");
  if (!highRes) problems.push("HighResolutionIconUrl is missing");
  if (!support) problems.push("SupportUrl is missing");
  const hosts = asArray(child(app, "Hosts")?.Host as Node[]).map((host) => attr(host, "Name"));
  if (!hosts.includes("Workbook")) problems.push("Hosts must include Workbook (Excel)");
  const sets = asArray(child(child(app, "Requirements"), "Sets")?.Set as Node[]);
  if (sets.length === 0) problems.push("Requirements must name the API sets the add-in uses");
  for (const set of sets) {
    if (!attr(set, "Name") || !/^\d+\.\d+$/.test(attr(set, "MinVersion") ?? ""))
      problems.push("each requirement Set needs a Name and a MinVersion such as 1.8");
  }
  const permissions = required("Permissions");
  if (permissions !== "ReadWriteDocument")
    problems.push("Permissions must be ReadWriteDocument (the add-in writes the template)");
  const source = attr(child(child(app, "DefaultSettings"), "SourceLocation"), "DefaultValue");
  if (!source) problems.push("DefaultSettings/SourceLocation is missing");

  // Every URL is HTTPS (XML namespace names are identifiers, not addresses).
  for (const [path, value] of strings(doc, "")) {
    const isNamespace =
      path.includes("xmlns") || /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(value);
    if (/^[a-z]+:\/\//i.test(value) && !value.startsWith("https://") && !isNamespace)
      problems.push(`not HTTPS: ${value}`);
  }

  // Ribbon: every resid is defined, and the button's icons come in 16, 32 and 80 px.
  const overrides = child(app, "VersionOverrides");
  const resources = child(overrides, "Resources");
  const defined = new Map<string, string | undefined>();
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    const items = child(resources, group);
    const list = asArray((items?.Image ?? items?.Url ?? items?.String) as Node[]);
    for (const item of list) {
      const id = attr(item, "id");
      if (id) defined.set(id, attr(item, "DefaultValue"));
      const value = attr(item, "DefaultValue") ?? "";
      if (group === "ShortStrings" && value.length > 125)
        problems.push(`${id} is longer than 125 characters`);
      if (group === "LongStrings" && value.length > 250)
        problems.push(`${id} is longer than 250 characters`);
    }
  }
  if (!overrides) problems.push("VersionOverrides (the ribbon button) is missing");
  const residUses = [...xml.matchAll(/resid="([^"]+)"/g)].map((match) => match[1]!);
  for (const id of new Set(residUses))
    if (!defined.has(id)) problems.push(`resid ${id} is not defined in Resources`);
  const imageSizes = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)];
  for (const size of ["16", "32", "80"]) {
    if (!imageSizes.some((match) => match[1] === size))
      problems.push(`the ribbon needs a ${size} px icon`);
  }
  if (!/<OfficeTab id="TabHome">/.test(xml))
    problems.push("the button must be on the Home tab (TabHome)");
  if (!/xsi:type="ShowTaskpane"/.test(xml))
    problems.push("the button must open the task pane (ShowTaskpane)");

  // Icons exist and have the size their role needs.
  if (options.assetsRoot) {
    const expectSize = (url: string | undefined, size: number, role: string) => {
      if (!url) return;
      const file = join(options.assetsRoot!, new URL(url).pathname);
      if (!existsSync(file)) {
        problems.push(`${role}: ${url} has no file at ${file}`);
        return;
      }
      const found = pngSize(file);
      if (!found || found.width !== size || found.height !== size)
        problems.push(`${role}: ${url} must be a ${size}×${size} PNG`);
    };
    expectSize(icon, 32, "IconUrl");
    expectSize(highRes, 64, "HighResolutionIconUrl");
    for (const [, size, id] of imageSizes)
      expectSize(defined.get(id!), Number(size), `ribbon icon ${id}`);
  }
  return problems;
}
