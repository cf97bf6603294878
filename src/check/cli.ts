// `npm run check [-- --report=check.md] [--changed-since=origin/main] [--no-accessibility]`
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { runChecks } from "./run.ts";
import { counts, markdownReport, terminalReport } from "./report.ts";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

function changedSince(ref: string | undefined): string[] {
  if (!ref) return [];
  try {
    return execFileSync("git", ["diff", "--name-only", `${ref}...HEAD`], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    console.warn(`Impossible de comparer avec ${ref} : seules les pages témoins de chaque gabarit sont vérifiées pour l'accessibilité.`);
    return [];
  }
}

const problems = await runChecks({
  accessibility: !args.includes("--no-accessibility"),
  changedFiles: changedSince(option("changed-since")),
});
console.log(terminalReport(problems));
const report = option("report");
if (report) writeFileSync(report, markdownReport(problems));
process.exitCode = counts(problems).errors > 0 ? 1 : 0;
