import { createHash } from "node:crypto";

/**
 * The page's Content-Security-Policy, from its own HTML. A static host sends no headers, so the policy is a
 * <meta> in each page: scripts from the site and the inline scripts the page itself carries (by their hashes,
 * never 'unsafe-inline'), WebAssembly only where the search runs, frames only from the hosts the page's
 * click-to-load players name, images from the site and from the addresses the page's own images give.
 * An injected script, frame or image from anywhere else is refused by the browser.
 */

function origin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

function decodeAttribute(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

const dailymotion = "https://www.dailymotion.com";

// Most pages carry the same inline scripts (the theme script of every page): each text is hashed once per build.
const hashes = new Map<string, string>();
function scriptHash(code: string): string {
  let hash = hashes.get(code);
  if (!hash) hashes.set(code, (hash = `'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}'`));
  return hash;
}

export function contentSecurityPolicy(html: string): string {
  const scriptHashes = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)) {
    scriptHashes.add(scriptHash(match[1]!));
  }
  const frames = new Set<string>();
  for (const match of html.matchAll(/data-video-provider="([a-z]+)"[^>]*?data-video-id="([^"]*)"/g)) {
    const host = match[1] === "dailymotion" ? dailymotion : match[1] === "iframe" ? origin(decodeAttribute(match[2]!)) : undefined;
    if (host) frames.add(host);
  }
  const images = new Set<string>();
  for (const match of html.matchAll(/<(?:img|source)\b[^>]*?\s(?:src|srcset)="(https?:[^"\s,]+)/g)) {
    const host = origin(decodeAttribute(match[1]!));
    if (host) images.add(host);
  }
  const measurement = /id="matomo-reglages"[^>]*data-url="([^"]+)"/.exec(html)?.[1];
  const matomo = measurement ? origin(decodeAttribute(measurement)) : undefined;
  // Under a path prefix too (a preview): the search script is wherever the site is served from.
  const searches = /<script[^>]+src="[^"]*\/assets\/search-/.test(html);

  const list = (...values: (string | undefined | false)[]) => values.filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    `script-src ${list("'self'", ...scriptHashes, searches && "'wasm-unsafe-eval'", matomo)}`,
    // Style attributes of hand-written DSFR markup in content; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${list("'self'", "data:", ...images, matomo)}`,
    "font-src 'self'",
    `connect-src ${list("'self'", matomo)}`,
    `frame-src ${list("'self'", ...frames)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
