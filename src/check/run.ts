import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSiteInTwoProcesses } from "../build/build.ts";
import { checkAccessibility } from "./accessibility.ts";
import { checkCharacters } from "./characters.ts";
import { checkContent } from "./content.ts";
import { checkLegacyUsage } from "../legacy/usage.ts";
import { checkDom, checkUniqueTitles } from "./dom.ts";
import { htmlChecker } from "./htmlValidity.ts";
import { checkLinks, type PageLinks } from "./links.ts";
import { checkPlaceholders } from "./placeholders.ts";
import { publicFolders } from "../plugins/staticFiles.ts";
import { htmlFilesOf, urlOfFile } from "./pages.ts";
import { isEditorPage } from "../admin/address.ts";
import { stringKeeper } from "./stringKeeper.ts";
import { serveSite } from "./staticServer.ts";
import { compareWithBudget, readBudgets, type Budgets } from "./budgets.ts";
import { measurePage } from "../bench/pageWeight.ts";
import { launchChromium } from "./browser.ts";
import type { PageRecord, Problem } from "./types.ts";

async function checkBudgets(baseUrl: string, budgets: Budgets): Promise<Problem[]> {
  const browser = await launchChromium();
  try {
    const problems: Problem[] = [];
    for (const [name, budget] of Object.entries(budgets.pages)) {
      try {
        problems.push(...compareWithBudget(name, budget, await measurePage(browser, `${baseUrl}${budget.url}`), budgets.enforce));
      } catch (error) {
        // A budget's page that is not in this content (the sample's pages, after the live content moved in).
        problems.push({ severity: budgets.enforce ? "erreur" : "avertissement", check: "poids", url: budget.url, source: "budgets.json", message: `page « ${name} » non mesurée : ${(error as Error).message}` });
      }
    }
    return problems;
  } finally {
    await browser.close();
  }
}

export interface CheckOptions {
  input?: string;
  output?: string;
  /** run axe-core in Chromium (one page per layout, plus the changed pages) */
  accessibility?: boolean;
  /** source files changed in the pull request: their pages get the accessibility check too */
  changedFiles?: string[];
  /** weight budgets (budgets.json), measured in Chromium with the accessibility check */
  budgetsFile?: string;
  today?: Date;
}

/**
 * A page past this weight is a mistake in itself (no reader downloads 2 MB of text), and axe-core in Chromium
 * takes minutes over it: it is reported, and left out of the browser checks.
 */
export const maxPageBytes = 2 * 1024 * 1024;

/** One page of each layout, then the pages made from changed files; none of those over `maxPageBytes`. */
export function pagesForAccessibility(pages: PageRecord[], changedFiles: string[], oversized: ReadonlySet<string> = new Set()): PageRecord[] {
  const html = pages.filter((page) => (page.url.endsWith("/") || page.url.endsWith(".html")) && !oversized.has(page.url));
  const byLayout = new Map<string, PageRecord>();
  for (const page of [...html].sort((a, b) => a.url.localeCompare(b.url))) {
    const layout = page.layout ?? "(aucun)";
    if (!byLayout.has(layout)) byLayout.set(layout, page);
  }
  const changed = new Set(changedFiles.map((file) => path.normalize(file)));
  const fromChanges = html.filter((page) => changed.has(path.normalize(page.inputPath)));
  return [...new Map([...byLayout.values(), ...fromChanges].map((page) => [page.url, page])).values()];
}

/** Builds the site, then checks every page of it. */
export async function runChecks({
  input = "content",
  output = "_site",
  accessibility = true,
  changedFiles = [],
  budgetsFile = "budgets.json",
  today = new Date(),
}: CheckOptions = {}): Promise<Problem[]> {
  const budgetProblems: Problem[] = [];
  let budgets: Budgets | undefined;
  try {
    budgets = readBudgets(budgetsFile);
  } catch (error) {
    budgetProblems.push({ severity: "erreur", check: "poids", url: "/", source: budgetsFile, message: (error as Error).message });
  }
  let records: PageRecord[];
  try {
    // The web editor is a tool for editors, not a page of the site: none of the page checks apply.
    records = (await buildSiteInTwoProcesses({ input, output })).pages.filter((record) => !isEditorPage(record.url));
  } catch (error) {
    const { describeBuildError } = await import("../build/errors.ts");
    return [...budgetProblems, { severity: "erreur", check: "construction", url: "/", message: describeBuildError(error) }];
  }
  const sourceOf = new Map(records.map((record) => [record.url, record.inputPath]));
  const root = path.resolve(output);

  // Page by page, keeping only what the site-wide checks need (links, ids, titles): holding every parsed page
  // took 4 GB at 7,612 pages.
  const checkHtml = htmlChecker();
  const keep = stringKeeper();
  const links: PageLinks[] = [];
  const titles: { url: string; source?: string; title: string }[] = [];
  const domProblems: Problem[] = [];
  const htmlProblems: Problem[] = [];
  const oversized = new Set<string>();
  for (const file of htmlFilesOf(root)) {
    const html = readFileSync(file, "utf8");
    const url = urlOfFile(root, file);
    const source = sourceOf.get(url);
    const bytes = Buffer.byteLength(html);
    if (bytes > maxPageBytes) {
      oversized.add(url);
      domProblems.push({
        severity: "avertissement",
        check: "poids",
        url,
        source,
        message: `page de ${(bytes / 1024 / 1024).toFixed(1)} Mo de HTML (au-delà de 2 Mo) : découpez-la en plusieurs pages ; son accessibilité n'est pas vérifiée dans le navigateur.`,
      });
    }
    const document = parseHTML(html).document as unknown as Document;
    links.push({
      url,
      source,
      ids: new Set([...document.querySelectorAll("[id]")].map((el) => keep(el.id))),
      references: [...document.querySelectorAll("a[href], img[src], script[src], link[href], use[href], iframe[src]")].map((el) => ({
        tag: el.tagName.toLowerCase(),
        value: keep(el.getAttribute("href") ?? el.getAttribute("src") ?? ""),
      })),
    });
    domProblems.push(...checkDom(document, url, source), ...checkCharacters(document, url, source));
    if (url !== "/404.html") titles.push({ url, source, title: keep(document.title) });
    htmlProblems.push(...(await checkHtml({ url, source, html })));
  }

  const problems: Problem[] = [
    ...budgetProblems,
    ...checkLinks(root, links),
    ...domProblems,
    ...checkUniqueTitles(titles),
    ...htmlProblems,
    ...checkContent(root, records, path.relative(process.cwd(), path.resolve(input)), today),
    ...checkLegacyUsage(path.relative(process.cwd(), path.resolve(input))),
    ...checkPlaceholders([...publicFolders(input), input], input),
  ];
  if (accessibility) {
    const server = await serveSite(root);
    try {
      problems.push(...(await checkAccessibility(server.url, pagesForAccessibility(records, changedFiles, oversized).map(({ url, inputPath }) => ({ url, source: inputPath })))));
      if (budgets) problems.push(...(await checkBudgets(server.url, budgets)));
    } finally {
      await server.close();
    }
  }
  return problems;
}
