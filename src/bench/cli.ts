// `npm run bench [-- --sizes=500,2000,6000 --runs=3 --compare=benchmarks/latest.json]`
// Build speed on synthetic sites of growing size, then weight and EcoIndex of each page type of the real site.
import { cpus } from "node:os";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serveSite } from "../check/staticServer.ts";
import { htmlFilesOf, urlOfFile } from "../check/pages.ts";
import { launchChromium } from "../check/browser.ts";
import { writeSyntheticSite } from "./syntheticSite.ts";
import { measurePage, median, type PageWeight } from "./pageWeight.ts";
import { measureEditRebuilds } from "./devServerEdit.ts";
import { runMeasuringMemory } from "./processTreeMemory.ts";
import { compareWithBudget, readBudgets, type PageBudget } from "../check/budgets.ts";
import { writeLiveShapedSite } from "./liveShapedSite.ts";
import { cacheFolder } from "../build/buildCache.ts";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
// `--sizes=` (empty): the live-shaped site and the project's pages only.
const sizes = (option("sizes") ?? "500,2000,6000").split(",").filter(Boolean).map(Number);
const runs = Number(option("runs") ?? 3);
const outDir = option("out") ?? "benchmarks";
// Read first: a mistake in budgets.json stops here, not after twenty minutes of builds.
const budgets = readBudgets()?.pages ?? {};

interface BuildRun {
  seconds: number;
  peakMb: number;
  searchIndexSeconds: number;
}

async function build(input: string, output: string, imageCache?: string, extraEnv: Record<string, string> = {}): Promise<BuildRun & { stderr: string }> {
  // As `npm run build` does: fewer glibc memory arenas keep sharp's worker threads from fragmenting memory.
  const env = { ...process.env, MALLOC_ARENA_MAX: "2", ...(imageCache ? { IMAGE_CACHE: imageCache } : {}), ...extraEnv };
  // Timed from the command's start to its end, as someone running `npm run build` waits (Node's start-up included).
  const { stdout, stderr, peakMb, seconds } = await runMeasuringMemory(process.execPath, ["src/build/build.ts", `--input=${input}`, `--output=${output}`, "--stats"], env, { keepStderr: Boolean(extraEnv.DEBUG) });
  const line = stdout.split("\n").find((l) => l.startsWith("BUILD_STATS "));
  if (!line) throw new Error(`La construction n'a pas donné ses mesures :\n${stdout}`);
  const { searchIndexSeconds } = JSON.parse(line.slice("BUILD_STATS ".length)) as { searchIndexSeconds: number };
  return { seconds, peakMb, searchIndexSeconds, stderr };
}

function folderSize(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).reduce((total, file) => {
    const stats = statSync(path.join(folder, file));
    return total + (stats.isFile() ? stats.size : 0);
  }, 0);
}

/** The biggest HTML page of a built site: a list that grows with the site (every past event, say) shows here first. */
function heaviestPage(folder: string): { url: string; kb: number } {
  let heaviest = { file: "", size: 0 };
  for (const file of htmlFilesOf(folder)) {
    const size = statSync(file).size;
    if (size > heaviest.size) heaviest = { file, size };
  }
  return { url: urlOfFile(folder, heaviest.file), kb: Math.round(heaviest.size / 1024) };
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// Each size is built from scratch twice per run: with an empty image cache (every thumbnail encoded),
// then with the cache the first build filled (what CI and editors get on every later build).
// Then once more into memory (tmpfs), where it exists: this machine's disk moves the other figures by tens
// of percent from one run to the next (7,688 pages, same code: 17 to 25 s), the build's own work much less.
const memoryFolder = existsSync("/dev/shm") ? "/dev/shm" : undefined;
const builds = [];
const largestWarmRuns: BuildRun[] = [];
for (const size of sizes) {
  const root = path.resolve(`.cache/bench/site-${size}`);
  const input = path.relative(process.cwd(), await writeSyntheticSite(root, size));
  const output = path.join(root, "_site");
  const imageCache = path.join(root, "image-cache");
  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  for (let run = 0; run < runs; run++) {
    rmSync(output, { recursive: true, force: true });
    rmSync(imageCache, { recursive: true, force: true });
    cold.push(await build(input, output, imageCache));
    rmSync(output, { recursive: true, force: true });
    warm.push(await build(input, output, imageCache));
  }
  const inMemory: BuildRun[] = [];
  if (memoryFolder) {
    const memoryOutput = path.join(memoryFolder, `bench-site-${size}`);
    for (let run = 0; run < runs; run++) {
      rmSync(memoryOutput, { recursive: true, force: true });
      inMemory.push(await build(input, memoryOutput, imageCache));
    }
    rmSync(memoryOutput, { recursive: true, force: true });
  }
  if (size === sizes.at(-1)) largestWarmRuns.push(...warm);
  const pages = htmlFilesOf(output).length;
  // An editor saving one post while `npm start` runs: seconds until the browser reloads.
  const devOutput = path.join(root, "_site-serve");
  rmSync(devOutput, { recursive: true, force: true });
  const editSeconds = await measureEditRebuilds(input, devOutput, path.join(input, "actualites", `mesure-${size}.md`), runs, { ...process.env, IMAGE_CACHE: imageCache });
  const coldSeconds = median(cold.map((r) => r.seconds));
  const warmSeconds = median(warm.map((r) => r.seconds));
  const result = {
    posts: size,
    pages,
    coldSeconds: round(coldSeconds, 2),
    warmSeconds: round(warmSeconds, 2),
    pagesPerSecond: Math.round(pages / coldSeconds),
    pagesPerSecondWarmImages: Math.round(pages / warmSeconds),
    ...(inMemory.length ? { warmInMemorySeconds: round(median(inMemory.map((r) => r.seconds)), 2), pagesPerSecondWarmImagesInMemory: Math.round(pages / median(inMemory.map((r) => r.seconds))) } : {}),
    peakMemoryMb: Math.round(Math.max(...cold.map((r) => r.peakMb), ...warm.map((r) => r.peakMb))),
    peakMemoryWarmImagesMb: Math.round(Math.max(...warm.map((r) => r.peakMb))),
    devServerEditSeconds: round(median(editSeconds), 2),
    siteMb: round(folderSize(output) / 1024 / 1024),
    heaviestPage: heaviestPage(output),
  };
  console.log(`${size} actualités : ${JSON.stringify(result)}`);
  builds.push(result);
}

// Search on the largest synthetic site: indexing time (the builds' own step) and size, then what a first query costs a visitor.
const largest = builds.at(-1);
let search: { pages: number; indexSecondsPer1000Pages: number; indexMb: number; firstQueryKb: number; firstQueryRequests: number } | undefined;
if (largest) {
const largestSite = path.resolve(`.cache/bench/site-${largest.posts}/_site`);
const indexSeconds = median(largestWarmRuns.map((r) => r.searchIndexSeconds));
const searchServer = await serveSite(largestSite);
const searchBrowser = await launchChromium();
const queries: PageWeight[] = [];
for (let run = 0; run < runs; run++) queries.push(await measurePage(searchBrowser, `${searchServer.url}/recherche/?q=sobri%C3%A9t%C3%A9`));
await searchBrowser.close();
await searchServer.close();
search = {
  pages: largest.pages,
  indexSecondsPer1000Pages: round((indexSeconds / largest.pages) * 1000, 2),
  indexMb: round(folderSize(path.join(largestSite, "pagefind")) / 1024 / 1024),
  firstQueryKb: round(median(queries.map((q) => q.search.kb))),
  firstQueryRequests: median(queries.map((q) => q.search.requests)),
};
console.log(`Recherche : ${JSON.stringify(search)}`);
}

type MeasuredPage = PageWeight & { url: string };

/** Weight, requests, DOM size and EcoIndex of each page type of a built site (medians of the runs). */
async function measurePageTypes(site: string, pageBudgets: Record<string, PageBudget>): Promise<Record<string, MeasuredPage>> {
  const server = await serveSite(site);
  const browser = await launchChromium();
  const measured: Record<string, MeasuredPage> = {};
  for (const [name, { url }] of Object.entries(pageBudgets)) {
    const samples: PageWeight[] = [];
    for (let run = 0; run < runs; run++) samples.push(await measurePage(browser, `${server.url}${url}`));
    const pick = (key: "requests" | "transferredKb" | "domElements" | "ecoIndex") => median(samples.map((s) => s[key]));
    const ecoIndex = pick("ecoIndex");
    measured[name] = { url, search: samples[0]!.search, requests: pick("requests"), transferredKb: round(pick("transferredKb")), kbByType: samples[0]!.kbByType, domElements: pick("domElements"), ecoIndex, grade: samples.find((s) => s.ecoIndex === ecoIndex)?.grade ?? samples[0]!.grade };
  }
  await browser.close();
  await server.close();
  return measured;
}

// The site in the live site's shapes and size: cold (no image cache, no build cache) then warm (nothing changed
// since the build before), alternated; Eleventy's own breakdown of a warm build; its page types.
const liveRoot = path.resolve(".cache/bench/live");
const live = await writeLiveShapedSite(liveRoot, { criteria: option("rgesn") ?? "../shared/data/rgesn-2024.json", themes: option("rgesn-themes") ?? "../shared/data/rgesn-2024-themes.json" });
const liveInput = path.relative(process.cwd(), live.input);
const liveOutput = path.join(liveRoot, "_site");
const liveImages = path.join(liveRoot, "image-cache");
const liveCold: BuildRun[] = [];
const liveWarm: BuildRun[] = [];
for (let run = 0; run < runs; run++) {
  rmSync(liveOutput, { recursive: true, force: true });
  rmSync(liveImages, { recursive: true, force: true });
  // Every result a build keeps (src/build/buildCache.ts), whatever its name: a cold build starts from none.
  rmSync(cacheFolder(""), { recursive: true, force: true });
  liveCold.push(await build(liveInput, liveOutput, liveImages, live.env));
  liveWarm.push(await build(liveInput, liveOutput, liveImages, live.env));
}
const breakdownRun = await build(liveInput, liveOutput, liveImages, { ...live.env, DEBUG: "Eleventy:Benchmark*" });
// "Benchmark   1256ms  25%   489× (Aggregate) Passthrough Copy File": the steps that took most.
const breakdown = [...breakdownRun.stderr.matchAll(/Benchmark\s+(\d+)ms\s+(\d+)%\s+(\d+)× \((\w+)\) (.+)$/gm)]
  .map((m) => ({ ms: Number(m[1]), percent: Number(m[2]), calls: Number(m[3]), step: `${m[4]} ${m[5]!.replace(/\.\/\.cache\/bench\/live\//g, "")}` }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 8);
const liveBudgets = readBudgets()?.liveShaped?.pages ?? {};
const liveShaped = {
  pages: htmlFilesOf(liveOutput).length,
  sourceFiles: readdirSync(live.input, { recursive: true }).length + readdirSync(path.join(liveRoot, "public"), { recursive: true }).length,
  coldSeconds: round(median(liveCold.map((r) => r.seconds)), 2),
  warmSeconds: round(median(liveWarm.map((r) => r.seconds)), 2),
  coldRuns: liveCold.map((r) => round(r.seconds, 2)),
  warmRuns: liveWarm.map((r) => round(r.seconds, 2)),
  peakMemoryMb: Math.round(Math.max(...liveCold.map((r) => r.peakMb), ...liveWarm.map((r) => r.peakMb))),
  siteMb: round(folderSize(liveOutput) / 1024 / 1024),
  breakdown,
  pageTypes: await measurePageTypes(liveOutput, liveBudgets),
};
console.log(`Site en forme du site actuel : ${JSON.stringify(liveShaped)}`);
const liveProblems = Object.entries(liveShaped.pageTypes).flatMap(([name, measured]) => compareWithBudget(name, liveBudgets[name]!, measured, readBudgets()!.enforce));

// Page weights of the real site, as visitors get them (gzip, empty cache).
const realSite = path.resolve(".cache/bench/real");
await build("content", realSite);
const pages = await measurePageTypes(realSite, budgets);

const result = { date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version }, runs, builds, search, liveShaped, pages };
const previous = option("compare") && existsSync(option("compare")!) ? JSON.parse(readFileSync(option("compare")!, "utf8")) : undefined;

const ratio = (now: number, before: number | undefined) => (before ? ` (×${round(now / before, 2)})` : "");
const markdown = [
  `# Mesures du ${result.date.slice(0, 10)} (${result.machine.cpus} cœurs, Node ${result.machine.node}, médianes de ${runs} passages)`,
  "",
  "## Construction",
  "",
  "Chaque construction part d'un dossier de sortie vide et se mesure du lancement de la commande à sa fin ; « images en cache » : les vignettes déjà encodées par la construction précédente. « Sortie en mémoire » : la même construction, images en cache, écrite dans un tmpfs (/dev/shm) : le disque de cette machine fait varier les autres chiffres de dizaines de pour cent d'un passage à l'autre. Mémoire : tous les processus de la construction ensemble (Eleventy, Pagefind, esbuild), relevée toutes les 50 ms.",
  "",
  "| actualités | pages HTML | sans cache d'images (s) | pages/s | images en cache (s) | pages/s | images en cache, sortie en mémoire (s) | pages/s | mémoire max (Mo) | mémoire max, images en cache (Mo) | une actualité modifiée, serveur de développement (s) | _site (Mo) | page HTML la plus lourde (Ko, non compressée) |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...builds.map((b) => {
    const old = previous?.builds?.find((p: { posts: number }) => p.posts === b.posts);
    return `| ${b.posts} | ${b.pages} | ${b.coldSeconds}${ratio(b.coldSeconds, old?.coldSeconds)} | ${b.pagesPerSecond} | ${b.warmSeconds}${ratio(b.warmSeconds, old?.warmSeconds)} | ${b.pagesPerSecondWarmImages} | ${b.warmInMemorySeconds ?? "–"}${b.warmInMemorySeconds ? ratio(b.warmInMemorySeconds, old?.warmInMemorySeconds) : ""} | ${b.pagesPerSecondWarmImagesInMemory ?? "–"} | ${b.peakMemoryMb} | ${b.peakMemoryWarmImagesMb} | ${b.devServerEditSeconds} | ${b.siteMb} | ${b.heaviestPage.kb} (${b.heaviestPage.url}) |`;
  }),
  "",
  ...(search
    ? [
        "## Recherche",
        "",
        `Sur ${search.pages} pages : indexation ${search.indexSecondsPer1000Pages} s pour 1 000 pages, index de ${search.indexMb} Mo ; une première recherche (cache vide) télécharge ${search.firstQueryKb} Ko de bibliothèque et d'index en ${search.firstQueryRequests} requêtes.`,
        "",
      ]
    : []),
  "## Site en forme du site actuel",
  "",
  `${liveShaped.pages} pages HTML et ${liveShaped.sourceFiles} fichiers sources (guides à menu latéral, fiches outils, référentiel complet, actualités avec vignettes de plusieurs centaines de Ko et lecteurs vidéo, pages avec sommaire, public/ de 300 images et documents) ; _site de ${liveShaped.siteMb} Mo.`,
  "",
  "| construction | médiane (s) | passages (s) |",
  "| --- | --- | --- |",
  `| à froid (sans cache d'images ni de construction) | ${liveShaped.coldSeconds}${ratio(liveShaped.coldSeconds, previous?.liveShaped?.coldSeconds)} | ${liveShaped.coldRuns.join(" ; ")} |`,
  `| à chaud (rien de changé depuis la précédente) | ${liveShaped.warmSeconds}${ratio(liveShaped.warmSeconds, previous?.liveShaped?.warmSeconds)} | ${liveShaped.warmRuns.join(" ; ")} |`,
  "",
  `Mémoire max : ${liveShaped.peakMemoryMb} Mo. Étapes les plus longues d'une construction à chaud, selon Eleventy (DEBUG=Eleventy:Benchmark*) :`,
  "",
  ...liveShaped.breakdown.map((b) => `- ${b.ms} ms (${b.percent} %), ${b.calls} fois : ${b.step}`),
  "",
  "| type de page | adresse | requêtes | transféré (Ko) | dont CSS / JS / polices / images | éléments DOM | EcoIndex |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...Object.entries(liveShaped.pageTypes).map(([name, p]) => {
    const t = p.kbByType;
    return `| ${name} | ${p.url} | ${p.requests} | ${p.transferredKb}${ratio(p.transferredKb, previous?.liveShaped?.pageTypes?.[name]?.transferredKb)} | ${t.css ?? 0} / ${t.js ?? 0} / ${t.font ?? 0} / ${t.image ?? 0} | ${p.domElements} | ${p.ecoIndex} (${p.grade}) |`;
  }),
  "",
  ...(liveProblems.length ? ["Budgets (budgets.json, liveShaped) :", "", ...liveProblems.map((problem) => `- ${problem.severity} : ${problem.message}`), ""] : ["Tous les types de page tiennent leur budget (budgets.json, liveShaped).", ""]),
  "## Pages du site du projet (premier chargement, cache vide, gzip)",
  "",
  "| type de page | adresse | requêtes | transféré (Ko) | dont CSS / JS / polices / images | éléments DOM | EcoIndex |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...Object.entries(pages).map(([name, p]) => {
    const t = p.kbByType;
    return `| ${name} | ${p.url} | ${p.requests} | ${p.transferredKb}${ratio(p.transferredKb, previous?.pages?.[name]?.transferredKb)} | ${t.css ?? 0} / ${t.js ?? 0} / ${t.font ?? 0} / ${t.image ?? 0} | ${p.domElements} | ${p.ecoIndex} (${p.grade}) |`;
  }),
  "",
].join("\n");

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(path.join(outDir, "latest.md"), markdown);
// The eco-design declaration page publishes these figures.
writeFileSync("_data/benchmark.json", `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n${markdown}`);
// An overrun of an enforced budget fails the benchmark, as it fails `npm run check`.
if (liveProblems.some((problem) => problem.severity === "erreur")) process.exitCode = 1;
