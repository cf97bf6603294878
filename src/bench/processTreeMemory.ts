import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
}

/** Every running process's parent, from /proc (Linux). */
function parentsOfProcesses(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrEmpty(`/proc/${entry}/stat`);
    // The command name, in parentheses, may hold spaces: the fields after it are counted from its closing one.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent) parents.set(Number(entry), parent);
  }
  return parents;
}

/** Resident memory, in kilobytes, of a process and all its descendants together. */
function treeResidentKb(root: number): number {
  const parents = parentsOfProcesses();
  const tree = new Set([root]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grown = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += Number(readOrEmpty(`/proc/${pid}/status`).match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  return total;
}

/**
 * Runs a command and samples, every 50 ms, the memory of all the processes it starts together: the build's
 * own (Pagefind, esbuild) are part of its cost. Peaks shorter than the interval can be missed; a sample reads
 * /proc in about 2 ms, some 3 % of one core taken from the build.
 */
export function runMeasuringMemory(command: string, args: string[], env: NodeJS.ProcessEnv, { keepStderr = false } = {}): Promise<{ stdout: string; stderr: string; peakMb: number; seconds: number }> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", keepStderr ? "pipe" : "inherit"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let peakKb = 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, treeResidentKb(child.pid!));
  }, 50);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ stdout, stderr, peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000 });
      else reject(new Error(`${command} ${args.join(" ")} : code de sortie ${code}\n${stdout}${stderr}`));
    });
  });
}
