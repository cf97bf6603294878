import { describe, expect, it } from "vitest";
import { builtPathPrefix, normalisePathPrefix, prefixPageAddresses, withPathPrefix } from "../../src/content/pathPrefix.ts";
import { redirectHead } from "../../src/legacy/redirects.ts";

describe("the path prefix", () => {
  it("is read as one folder path with its slashes, and refuses what would leave the site or break an address", () => {
    expect(normalisePathPrefix(undefined)).toBe("/");
    expect(normalisePathPrefix("")).toBe("/");
    expect(normalisePathPrefix("apercu/pr-42")).toBe("/apercu/pr-42/");
    expect(normalisePathPrefix("/depot//apercu/pr-42/")).toBe("/depot/apercu/pr-42/");
    expect(() => normalisePathPrefix("/apercu/../x/")).toThrow(/PATH_PREFIX « \/apercu\/\.\.\/x\/ »/);
    expect(() => normalisePathPrefix("/aperçu/")).toThrow(/lettres sans accent/);
    expect(() => normalisePathPrefix('/a"b/')).toThrow();
  });

  it("puts every site address of a page under it: links, sources, srcset candidates, forms, data attributes, metas", () => {
    const html = [
      '<link rel="stylesheet" href="/assets/styles-X.css">',
      '<a href="/actualites/">Actualités</a> <a href="https://www.info.gouv.fr/">info</a> <a href="//cdn.example/x">cdn</a> <a href="#contenu">ancre</a>',
      '<img src="/images/a-400.png" srcset="/images/a-400.avif 400w, /images/a-800.avif 800w" alt="">',
      '<form action="/recherche/"></form> <use data-href="/dsfr/x.svg#a"></use> <meta name="search:image" content="/images/a-400.png">',
      '<p title="/ pas une adresse">Le texte « href="/x" » reste du texte.</p>',
    ].join("\n");
    const prefixed = prefixPageAddresses(html, "/apercu/pr-42/");
    expect(prefixed).toContain('href="/apercu/pr-42/assets/styles-X.css"');
    expect(prefixed).toContain('href="/apercu/pr-42/actualites/"');
    expect(prefixed).toContain('href="https://www.info.gouv.fr/"');
    expect(prefixed).toContain('href="//cdn.example/x"');
    expect(prefixed).toContain('href="#contenu"');
    expect(prefixed).toContain('srcset="/apercu/pr-42/images/a-400.avif 400w, /apercu/pr-42/images/a-800.avif 800w"');
    expect(prefixed).toContain('action="/apercu/pr-42/recherche/"');
    expect(prefixed).toContain('data-href="/apercu/pr-42/dsfr/x.svg#a"');
    expect(prefixed).toContain('content="/apercu/pr-42/images/a-400.png"');
    expect(prefixed).toContain('title="/ pas une adresse"');
    expect(prefixed).toContain("« href=\"/x\" » reste du texte");
    expect(prefixPageAddresses(html, "/")).toBe(html);
  });

  it("sends an old address's visitors to the new one under the prefix, with and without JavaScript", () => {
    const head = redirectHead({ from: "/feed/feed.xml", to: "/actualites/feed.xml" }, "/apercu/pr-42/");
    expect(head).toContain('location.replace("/apercu/pr-42/actualites/feed.xml"');
    expect(head).toContain('content="0; url=/apercu/pr-42/actualites/feed.xml"');
    expect(redirectHead({ from: "/a/", to: "/b/" })).toContain('url=/b/"');
    expect(withPathPrefix("https://example.org/", "/apercu/")).toBe("https://example.org/");
    expect(builtPathPrefix('<link rel="stylesheet" href="/apercu/pr-42/assets/styles-X.css">')).toBe("/apercu/pr-42/");
    expect(builtPathPrefix('<link rel="stylesheet" href="/assets/styles-X.css">')).toBe("/");
  });
});
