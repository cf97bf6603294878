// The web editor at /admin/: Decap CMS with this site's content format, components and previews.
import CMS from "decap-cms-app";
import { createElement as h, type ReactNode } from "react";
import { readContentFile, writeContentFile } from "./contentFile.ts";
import { editorComponents } from "./editorComponents.ts";
import { problemsBeforeSaving } from "./validation.ts";

interface PreviewProps {
  entry: { getIn(path: string[]): unknown };
  widgetFor(name: string): ReactNode;
  getAsset(path: string): { toString(): string } | undefined;
}

// Written by the site (src/plugins/admin.ts): the configuration, and the site's stylesheet for previews.
const settingsElement = document.getElementById("editor-settings")!;
const config = JSON.parse(settingsElement.textContent!) as Record<string, unknown>;

CMS.registerCustomFormat("contenu-du-site", "md", { fromFile: readContentFile, toFile: (data, order) => writeContentFile(data as Record<string, unknown>, order) });
for (const component of editorComponents) CMS.registerEditorComponent(component as never);

CMS.registerPreviewStyle(settingsElement.dataset.stylesheet!);

// The text opens in Markdown, as written: the rich-text mode rewrites it through its own Markdown, which keeps
// neither every Nunjucks tag nor every block of HTML. Decap would reopen the mode last chosen.
localStorage.setItem("cms.md-mode", "raw");

// Before anything is saved, the build's own check of the file: a page the build would refuse is not saved,
// and the editor reads why, in the words `npm run check` would use.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const data = (entry.get("data") as { toJS(): Record<string, unknown> }).toJS();
    const problems = problemsBeforeSaving(data, (entry.get("path") as string | undefined) ?? "cette page");
    // Decap shows String(error): the message alone, without "Error: ".
    if (problems) throw Object.assign(new Error(problems), { toString: () => problems });
    return undefined;
  },
});

function text(value: unknown): string {
  return typeof value === "string" ? value : value instanceof Date ? value.toISOString().slice(0, 10) : "";
}

const longDate = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
};

/** A page as the site lays it out: title, lead, date, thumbnail, text. */
function PagePreview({ entry, widgetFor, getAsset }: PreviewProps) {
  const field = (name: string) => entry.getIn(["data", name]);
  const date = text(field("date"));
  const imagePath = text(entry.getIn(["data", "image", "path"]));
  const image = imagePath ? getAsset(imagePath) : undefined;
  return h(
    "main",
    { className: "fr-container fr-py-6w" },
    h("h1", null, text(field("title")) || "Titre de la page"),
    text(field("description")) ? h("p", { className: "fr-text--lead" }, text(field("description"))) : null,
    date ? h("p", { className: "fr-text--sm" }, `Publié le ${longDate(date)}`) : null,
    image ? h("img", { className: "fr-responsive-img fr-mb-4w", src: String(image), alt: text(entry.getIn(["data", "image", "alt"])) }) : null,
    h("div", { className: "fr-mt-4w" }, widgetFor("body")),
  );
}
for (const name of ["post", "video", "podcast", "event", "newsletter", "publication", "page"]) CMS.registerPreviewTemplate(name, PagePreview as never);

CMS.init({ config: config as never });
