import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import markdownItContainer from "markdown-it-container";
import { nextPageId } from "./pageIds.ts";
import { escapeHtml } from "./html.ts";

type Env = { page?: { url?: string | false; inputPath?: string } };

const alertKinds = ["info", "warning", "error", "success"] as const;

/** The words after the container name: `::: callout Mon titre` gives "Mon titre". */
function containerTitle(token: Token, name: string): string {
  return token.info.trim().slice(name.length).trim();
}

function pageKey(env: Env): string {
  return String(env?.page?.url || env?.page?.inputPath || "page");
}

type BlockRenderer = (title: string, env: Env) => [open: string, close: string];

/** DSFR components that editors open with `::: name Title` and close with `:::`. */
const containers: Record<string, BlockRenderer> = {
  callout: (title) => [
    `<div class="fr-callout">\n${title ? `<p class="fr-callout__title">${escapeHtml(title)}</p>\n` : ""}<div class="fr-callout__text">\n`,
    "</div>\n</div>\n",
  ],
  quote: (author) => [
    '<figure class="fr-quote">\n<blockquote>\n',
    `</blockquote>\n${author ? `<figcaption><p class="fr-quote__author">${escapeHtml(author)}</p></figcaption>\n` : ""}</figure>\n`,
  ],
  accordions: () => ['<div class="fr-accordions-group">\n', "</div>\n"],
  accordion: (title, env) => {
    const id = nextPageId(pageKey(env), "accordeon");
    return [
      `<section class="fr-accordion">\n<h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" aria-expanded="false" aria-controls="${id}">${escapeHtml(title || "Détails")}</button></h3>\n<div class="fr-collapse" id="${id}">\n`,
      "</div>\n</section>\n",
    ];
  },
};
for (const kind of alertKinds) {
  containers[kind] = (title) => [
    `<div class="fr-alert fr-alert--${kind}${title ? "" : " fr-alert--sm"}">\n${title ? `<p class="fr-alert__title">${escapeHtml(title)}</p>\n` : ""}`,
    "</div>\n",
  ];
}

/** DSFR 1.14 table structure, so Markdown tables scroll on small screens and take the DSFR style. */
function dsfrTables(md: MarkdownIt): void {
  md.renderer.rules.table_open = () =>
    '<div class="fr-table">\n<div class="fr-table__wrapper">\n<div class="fr-table__container">\n<div class="fr-table__content">\n<table>\n';
  md.renderer.rules.table_close = () => "</table>\n</div>\n</div>\n</div>\n</div>\n";
}

export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true, typographer: false });
  md.use(markdownItAttrs, { allowedAttributes: ["id", "class", /^data-.*$/, "lang"] });
  for (const [name, render] of Object.entries(containers)) {
    // The closing html depends on the opening call (the accordion id), so it is kept on the token pair.
    const closings: string[] = [];
    md.use(markdownItContainer, name, {
      validate: (params: string) => params.trim().split(/\s+/, 1)[0] === name,
      render: (tokens: Token[], index: number, _options: unknown, env: Env) => {
        const token = tokens[index]!;
        if (token.nesting === 1) {
          const [open, close] = render(containerTitle(token, name), env);
          closings.push(close);
          return open;
        }
        return closings.pop() ?? "";
      },
    });
  }
  dsfrTables(md);
  return md;
}
