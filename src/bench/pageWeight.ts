import { gzipSync } from "node:zlib";
import type { Browser, Page, Request } from "playwright-core";
import { gzipLevel } from "../check/staticServer.ts";
import { ecoIndexGrade, ecoIndexScore } from "./ecoindex.ts";

export interface PageWeight {
  /** of which the search library and index (Pagefind) */
  search: { requests: number; kb: number };
  requests: number;
  transferredKb: number;
  kbByType: Record<string, number>;
  domElements: number;
  ecoIndex: number;
  grade: string;
}

function kind(resourceType: string, url: string): string {
  if (resourceType === "document") return "html";
  if (resourceType === "stylesheet") return "css";
  if (resourceType === "script") return "js";
  if (resourceType === "font") return "font";
  if (resourceType === "image" || /\.(svg|png|webp|avif|jpe?g|ico)$/.test(url)) return "image";
  return "other";
}

/**
 * The body bytes a request cost. Chromium reports none for a dedicated worker's script (Pagefind's search runs in one,
 * ~12 KB): that body is measured as the site's server sends it.
 */
async function bodyBytes(request: Request, reported: number): Promise<number> {
  if (reported > 0) return reported;
  const response = await request.response();
  const body = await response?.body().catch(() => undefined);
  if (!response || !body?.length) return 0;
  return response.headers()["content-encoding"] === "gzip" ? gzipSync(body, { level: gzipLevel }).length : body.length;
}

/**
 * The search page searches after its own load, and on a large index it computes for longer than the half second
 * of quiet that ends `networkidle` (7,670 pages: 8 of its 18 requests counted): wait for its results to be
 * announced, then for the network to be quiet again (their thumbnails).
 */
async function searchShown(page: Page): Promise<void> {
  if (!(await page.locator("[data-search-app]").count())) return;
  await page.waitForFunction(() => Boolean(document.querySelector("[data-search-app]")?.previousElementSibling?.textContent?.trim()), undefined, { timeout: 30_000 });
  let inFlight = 0;
  let lastActivity = Date.now();
  const started = () => {
    inFlight++;
    lastActivity = Date.now();
  };
  // Max: a request already under way when this started listening ends without having been counted in.
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  try {
    await page.waitForTimeout(100);
    while (inFlight > 0 || Date.now() - lastActivity < 500) await page.waitForTimeout(100);
  } finally {
    page.off("request", started);
    page.off("requestfinished", ended);
    page.off("requestfailed", ended);
  }
}

/** One visit with an empty cache: requests, bytes on the wire by type, DOM elements (outside SVG) and EcoIndex. */
export async function measurePage(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const kbByType: Record<string, number> = {};
  let requests = 0;
  const search = { requests: 0, kb: 0 };
  const count = (request: Request) => {
    pending.push(
      request.sizes().then(async (sizes) => {
        requests++;
        const kb = ((await bodyBytes(request, sizes.responseBodySize)) + sizes.responseHeadersSize) / 1024;
        const type = kind(request.resourceType(), request.url());
        kbByType[type] = (kbByType[type] ?? 0) + kb;
        if (request.url().includes("/pagefind/")) {
          search.requests++;
          search.kb += kb;
        }
      }),
    );
  };
  page.on("requestfinished", count);
  const response = await page.goto(url, { waitUntil: "networkidle" });
  // A budget's page that moved would otherwise be measured as the 404 page.
  if (!response?.ok()) {
    await context.close();
    throw new Error(`Mesure impossible : ${url} répond ${response?.status() ?? "rien"} (page absente ? vérifiez son adresse dans budgets.json).`);
  }
  await searchShown(page);
  // Stop counting before waiting: a request that ended later would still be read after the page is closed,
  // and its rejected promise would end the whole process (seen on the search page of 7,670 pages).
  page.off("requestfinished", count);
  await Promise.all(pending);
  const domElements = await page.evaluate(() => [...document.getElementsByTagName("*")].filter((el) => !el.closest("svg") || el.tagName === "svg").length);
  await context.close();
  const transferredKb = Object.values(kbByType).reduce((a, b) => a + b, 0);
  const ecoIndex = ecoIndexScore(domElements, requests, transferredKb);
  return {
    search: { requests: search.requests, kb: Math.round(search.kb * 10) / 10 },
    requests,
    transferredKb: Math.round(transferredKb * 10) / 10,
    kbByType: Object.fromEntries(Object.entries(kbByType).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    domElements,
    ecoIndex,
    grade: ecoIndexGrade(ecoIndex),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
