import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measurePage } from "../../src/bench/pageWeight.ts";
import { gzipLevel } from "../../src/check/staticServer.ts";
import { startBrowserSession } from "../support/browser.ts";

let session: Awaited<ReturnType<typeof startBrowserSession>>;
let workerGzipBytes = 0;

beforeAll(async () => {
  mkdirSync(".cache/fixtures", { recursive: true });
  const root = mkdtempSync(path.resolve(".cache/fixtures/weight-"));
  // Hexadecimal text: gzip halves it, so a size counted uncompressed or not at all shows.
  const worker = `// ${randomBytes(15_000).toString("hex")}\npostMessage("prêt");\n`;
  workerGzipBytes = gzipSync(worker, { level: gzipLevel }).length;
  writeFileSync(path.join(root, "travail.js"), worker);
  writeFileSync(
    path.join(root, "index.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Poids</title><link rel="icon" href="data:,"></head>` +
      `<body><p id="etat">…</p><script>new Worker("/travail.js").onmessage = (e) => { document.getElementById("etat").textContent = e.data; };</script></body></html>`,
  );
  // A search page whose results come after more than networkidle's half second of quiet, with an image.
  writeFileSync(path.join(root, "vignette.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><!-- ${"x".repeat(3000)} --></svg>`);
  mkdirSync(path.join(root, "recherche"));
  writeFileSync(
    path.join(root, "recherche", "index.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Recherche</title><link rel="icon" href="data:,"></head>` +
      `<body><p role="status"></p><div data-search-app></div><script>setTimeout(() => { document.querySelector("[role=status]").textContent = "1 résultat"; ` +
      `document.querySelector("[data-search-app]").innerHTML = '<img src="/vignette.svg" alt="">'; }, 900);</script></body></html>`,
  );
  session = await startBrowserSession(root);
}, 60_000);

afterAll(() => session?.close());

describe("the page weight measure", () => {
  it("counts a dedicated worker's script at the bytes the server sent (Chromium reports none)", async () => {
    const weight = await measurePage(session.browser, `${session.url}/`);
    expect(weight.requests).toBe(2);
    const jsKb = weight.kbByType.js ?? 0;
    expect(jsKb).toBeGreaterThanOrEqual(Math.floor((workerGzipBytes / 1024) * 10) / 10);
    expect(jsKb).toBeLessThan(workerGzipBytes / 1024 + 1);
  });

  it("waits for a search page's results and counts what they load, even after a long quiet computation", async () => {
    const weight = await measurePage(session.browser, `${session.url}/recherche/`);
    expect(weight.requests).toBe(2);
    expect(weight.kbByType.image ?? 0).toBeGreaterThan(0);
  });
});
