import { gzipSync } from "node:zlib";
import type { Browser, Request } from "playwright-core";
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

/** One visit with an empty cache: requests, bytes on the wire by type, DOM elements (outside SVG) and EcoIndex. */
export async function measurePage(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const kbByType: Record<string, number> = {};
  let requests = 0;
  const search = { requests: 0, kb: 0 };
  page.on("requestfinished", (request) => {
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
  });
  await page.goto(url, { waitUntil: "networkidle" });
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
