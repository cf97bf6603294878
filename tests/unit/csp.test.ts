import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/content/csp.ts";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("a page's Content-Security-Policy", () => {
  it("allows the page's own inline scripts by their hash, and nothing inline else", () => {
    const policy = contentSecurityPolicy('<script>var a = 1;</script><script type="module" src="/assets/x.js"></script><script type="application/ld+json">{}</script>');
    const hash = createHash("sha256").update("var a = 1;").digest("base64");
    expect(directive(policy, "script-src")).toBe(`script-src 'self' 'sha256-${hash}'`);
  });

  it("names the hosts of the page's players, of its external images, and Matomo's when it measures", () => {
    const policy = contentSecurityPolicy(
      [
        '<div class="video-consent" data-video-provider="dailymotion" data-video-id="x1">',
        '<div class="video-consent" data-video-provider="iframe" data-video-id="https://embed.acast.com/a/b?x=1&amp;y=2">',
        '<img src="https://images.exemple.gouv.fr/photo.jpg" alt="">',
        '<script type="module" id="matomo-reglages" src="/assets/analytics.js" data-url="https://stats.data.gouv.fr/" data-site="1"></script>',
      ].join(""),
    );
    expect(directive(policy, "frame-src")).toBe("frame-src 'self' https://www.dailymotion.com https://embed.acast.com");
    expect(directive(policy, "img-src")).toBe("img-src 'self' data: https://images.exemple.gouv.fr https://stats.data.gouv.fr");
    expect(directive(policy, "script-src")).toBe("script-src 'self' https://stats.data.gouv.fr");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://stats.data.gouv.fr");
  });

  it("lets WebAssembly run only where the search runs, and never plugins or another base", () => {
    expect(directive(contentSecurityPolicy('<script type="module" src="/assets/search-AB12.js"></script>'), "script-src")).toBe("script-src 'self' 'wasm-unsafe-eval'");
    const policy = contentSecurityPolicy("<p>Texte</p>");
    expect(directive(policy, "script-src")).toBe("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
  });
});
