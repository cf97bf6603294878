import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createMarkdown } from "../../src/content/markdown.ts";
import { resetPageIds } from "../../src/content/pageIds.ts";

const md = createMarkdown();
const render = (source: string, url = "/page/") => parseHTML(`<body>${md.render(source, { page: { url } })}</body>`).document;

describe("markdown-it with DSFR components", () => {
  it("wraps tables in the DSFR table structure", () => {
    const doc = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
    const table = doc.querySelector(".fr-table .fr-table__wrapper .fr-table__container .fr-table__content table");
    expect(table?.querySelectorAll("td")).toHaveLength(2);
  });

  it("renders callout, alerts and quote containers with their titles", () => {
    const doc = render(
      "::: callout À retenir\nTexte *important*.\n:::\n\n::: warning Attention\nDanger.\n:::\n\n::: success\nBravo.\n:::\n\n::: quote Marie Curie\nUne citation.\n:::\n",
    );
    expect(doc.querySelector(".fr-callout .fr-callout__title")?.textContent).toBe("À retenir");
    expect(doc.querySelector(".fr-callout .fr-callout__text em")?.textContent).toBe("important");
    expect(doc.querySelector(".fr-alert.fr-alert--warning .fr-alert__title")?.textContent).toBe("Attention");
    expect(doc.querySelector(".fr-alert.fr-alert--success.fr-alert--sm")?.textContent).toContain("Bravo.");
    expect(doc.querySelector(".fr-quote blockquote")?.textContent).toContain("Une citation.");
    expect(doc.querySelector(".fr-quote .fr-quote__author")?.textContent).toBe("Marie Curie");
  });

  it("gives accordions unique ids that their buttons control", () => {
    resetPageIds();
    // The outer container takes a longer fence, as markdown-it-container requires for nesting.
    const doc = render(":::: accordions\n::: accordion Un\nA\n:::\n::: accordion Deux\nB\n:::\n::::\n");
    const buttons = [...doc.querySelectorAll(".fr-accordions-group .fr-accordion__btn")];
    expect(buttons.map((b) => b.textContent)).toEqual(["Un", "Deux"]);
    const ids = buttons.map((b) => b.getAttribute("aria-controls"));
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(doc.getElementById(id!)?.className).toBe("fr-collapse");
  });

  it("accepts attributes on headings and paragraphs, and keeps raw DSFR HTML", () => {
    const doc = render('## Les trains {id=trains}\n\nIntroduction {.fr-text--lead}\n\n<div class="fr-highlight"><p>Gardé</p></div>\n');
    expect(doc.querySelector("h2#trains")?.textContent).toBe("Les trains");
    expect(doc.querySelector("p.fr-text--lead")?.textContent).toBe("Introduction");
    expect(doc.querySelector(".fr-highlight p")?.textContent).toBe("Gardé");
  });

  it("escapes container titles", () => {
    const html = md.render("::: callout <script>x</script>\nTexte\n:::\n");
    expect(html).not.toContain("<script>");
  });
});
