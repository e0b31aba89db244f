import { main } from "../../src/cli/validate";

/** The CLI as a user runs it, in process: its exit code and what it printed. */
export async function runCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (t) => out.push(t),
    (t) => err.push(t)
  );
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
