import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/**
 * The requirement-set audit: every Office.js member the add-in's code uses, with the API set
 * its declaration in @types/office-js names ("[Api set: ExcelApi 1.7]", or the common API's
 * "Requirement sets" list), against the sets the manifest declares. A member above them must
 * sit under an `isSetSupported` check of that set; anything else is a finding.
 */
export interface Finding {
  file: string;
  line: number;
  member: string;
  set: string;
  version: string;
}

export interface AuditOptions {
  root: string;
  manifest: string;
  /** Source files to audit; all of src/ by default. */
  files?: string[];
}

/**
 * Sets a member needs only when an optional argument is passed: messageParent's targetOrigin
 * option (DialogOrigin) matters only for a dialog on another domain than the pane.
 */
const ONLY_WITH_ARGUMENT: Readonly<Record<string, { set: string; argument: number }>> = {
  messageParent: { set: "DialogOrigin", argument: 1 },
};

/** Requirement sets of other hosts, never to be declared by an Excel add-in. */
const OTHER_HOSTS = /^(Mailbox|WordApi|PowerPointApi|OneNoteApi|OutlookApi)/;

export function declaredSets(manifestXml: string): Map<string, string> {
  const sets = new Map<string, string>();
  const defaultVersion = /<Sets[^>]*DefaultMinVersion="([\d.]+)"/.exec(manifestXml)?.[1] ?? "1.1";
  for (const match of manifestXml.matchAll(/<Set\s+Name="([^"]+)"(?:\s+MinVersion="([\d.]+)")?/g))
    sets.set(match[1]!, match[2] ?? defaultVersion);
  return sets;
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

/** The sets a declaration's documentation names (the lowest version of each). */
function requirementsOf(declaration: ts.Declaration): { set: string; version: string }[] {
  const source = declaration.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(source.text, declaration.getFullStart()) ?? [];
  const text = ranges.map((range) => source.text.slice(range.pos, range.end)).join("\n");
  const found: { set: string; version: string }[] = [];
  for (const match of text.matchAll(/\[\s*Api set:\s*([A-Za-z]+)\s+(\d+\.\d+)/g))
    found.push({ set: match[1]!, version: match[2]! });
  // The common API lists sets as links: "**Requirement sets**: … {@link … | DialogApi}".
  const common = /\*\*Requirement sets?\*\*:([\s\S]*?)(?=\*\*[A-Z]|\*\/|@param|@returns)/.exec(
    text
  )?.[1];
  if (common) {
    for (const match of common.matchAll(/\|\s*([A-Za-z]+)(?:\s+(\d+\.\d+))?\s*\}/g)) {
      if (!OTHER_HOSTS.test(match[1]!)) found.push({ set: match[1]!, version: match[2] ?? "1.1" });
    }
  }
  return found;
}

/** Whether the node runs only under `if (….isSetSupported("Set", "n.m"))` with n.m high enough. */
function guarded(node: ts.Node, set: string, version: string): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (!ts.isIfStatement(at) || !isWithin(node, at.thenStatement)) continue;
    const condition = at.expression.getText();
    for (const match of condition.matchAll(
      /isSetSupported\(\s*["'](\w+)["']\s*,\s*["']([\d.]+)["']/g
    ))
      if (match[1] === set && compareVersions(match[2]!, version) >= 0) return true;
  }
  return false;
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

export function auditRequirementSets(options: AuditOptions): Finding[] {
  const declared = declaredSets(readFileSync(options.manifest, "utf8"));
  const configFile = ts.readConfigFile(join(options.root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, options.root);
  const files =
    options.files ??
    parsed.fileNames.filter((file) => relative(options.root, file).startsWith("src"));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const findings: Finding[] = [];

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          if (!declaration.getSourceFile().fileName.includes("@types/office-js")) continue;
          for (const { set, version } of requirementsOf(declaration)) {
            const have = declared.get(set);
            if (have !== undefined && compareVersions(version, have) <= 0) continue;
            if (guarded(node, set, version)) continue;
            const optional = ONLY_WITH_ARGUMENT[node.name.text];
            const call = ts.isCallExpression(node.parent) ? node.parent : undefined;
            if (optional?.set === set && call && call.arguments.length <= optional.argument)
              continue;
            const { line } = source.getLineAndCharacterOfPosition(node.name.getStart());
            const member = node.getText().replace(/\s+/g, "");
            // Overloads share their documentation: one finding per use.
            if (findings.some((f) => f.line === line + 1 && f.member === member && f.set === set))
              continue;
            findings.push({
              file: relative(options.root, file),
              line: line + 1,
              member,
              set,
              version,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return findings;
}

// `npm run audit:sets`: the findings, one per line; exit code 1 when there are any.
if (require.main === module) {
  const root = join(__dirname, "..");
  const findings = auditRequirementSets({
    root,
    manifest: join(root, process.argv[2] ?? "manifest.xml"),
  });
  for (const f of findings)
    process.stdout.write(`${f.file}:${f.line} ${f.member} needs ${f.set} ${f.version}\n`);
  process.stdout.write(`${findings.length} member(s) above the manifest's requirement sets.\n`);
  process.exitCode = findings.length ? 1 : 0;
}
