import { escapeHtml } from "../content/html.ts";

/**
 * The site's shortcodes and containers as blocks of the web editor's rich-text mode ("+" menu):
 * each writes exactly the text the engine reads, and reads back what it wrote (tests/unit/admin-config.test.ts).
 */
export interface EditorComponent {
  id: string;
  label: string;
  fields: { name: string; label: string; widget: string; required?: boolean; default?: string; options?: { label: string; value: string }[] }[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  toBlock: (data: Record<string, string | undefined>) => string;
  /** The block in the editor's preview: recognisable, in the site's own DSFR classes. */
  toPreview: (data: Record<string, string | undefined>) => string;
}

const quoted = (text: string | undefined) => (text ?? "").replace(/"/g, "'");

/** The start of a text written in HTML or Markdown, as words: enough to recognise it in the preview. */
function excerpt(text: string | undefined, length = 280): string {
  const words = (text ?? "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return escapeHtml(words.length > length ? `${words.slice(0, length).replace(/\s\S*$/, "")}…` : words);
}

const alertKinds = [
  { label: "Information", value: "info" },
  { label: "Attention", value: "warning" },
  { label: "Erreur", value: "error" },
  { label: "Succès", value: "success" },
];

/** `::: <kind> Titre`, the text, `:::` (src/content/markdown.ts). */
function container(id: string, label: string, kind: string, preview: (title: string, text: string) => string): EditorComponent {
  return {
    id,
    label,
    fields: [
      { name: "title", label: "Titre", widget: "string", required: false },
      { name: "text", label: "Texte (Markdown)", widget: "text" },
    ],
    // m: Decap matches a block against the rest of the text; ^ and $ are its lines' ends.
    pattern: new RegExp(`^::: ${kind}(?: ([^\\n]*))?\\n([\\s\\S]*?)\\n:::$`, "m"),
    fromBlock: (match) => ({ title: match[1] ?? "", text: match[2] ?? "" }),
    toBlock: ({ title, text }) => `::: ${kind}${title ? ` ${title}` : ""}\n${text ?? ""}\n:::`,
    toPreview: ({ title, text }) => preview(escapeHtml(title ?? ""), escapeHtml(text ?? "")),
  };
}

export const editorComponents: EditorComponent[] = [
  {
    id: "dailymotion",
    label: "Vidéo Dailymotion",
    fields: [
      { name: "id", label: "Identifiant de la vidéo (la fin de son adresse, par exemple x9h51js)", widget: "string" },
      { name: "title", label: "Titre de la vidéo (facultatif)", widget: "string", required: false },
      // `{%-` and `-%}` trim the spaces around the tag: kept as written.
      { name: "open", label: "Ouverture", widget: "hidden", default: "{%" },
      { name: "close", label: "Fermeture", widget: "hidden", default: "%}" },
    ],
    pattern: /^(\{%-?)\s*dailymotion\s+"([^"]*)"(?:\s*,\s*"([^"]*)")?\s*(-?%\})$/,
    fromBlock: (match) => ({ open: match[1] ?? "{%", id: match[2] ?? "", title: match[3] ?? "", close: match[4] ?? "%}" }),
    toBlock: ({ open, id, title, close }) => `${open || "{%"} dailymotion "${quoted(id)}"${title ? `, "${quoted(title)}"` : ""} ${close || "%}"}`,
    toPreview: ({ id, title }) =>
      `<div class="fr-callout fr-icon-play-circle-line"><p class="fr-callout__title">Vidéo Dailymotion${title ? ` : ${escapeHtml(title)}` : ""}</p><p class="fr-callout__text">Identifiant ${escapeHtml(id ?? "")}. Sur le site, le lecteur ne se charge qu'après un clic du visiteur.</p></div>`,
  },
  {
    id: "transcription",
    label: "Transcription",
    fields: [
      { name: "title", label: "Titre (celui de la vidéo ou de l'épisode)", widget: "string" },
      { name: "text", label: "Transcription (HTML ou Markdown)", widget: "text" },
    ],
    pattern: /^\{%-?\s*transcription\s+"([^"]*)"\s*-?%\}\n([\s\S]*?)\n?\{%-?\s*endtranscription\s*-?%\}$/m,
    fromBlock: (match) => ({ title: match[1] ?? "", text: match[2] ?? "" }),
    toBlock: ({ title, text }) => `{% transcription "${quoted(title)}" %}\n${text ?? ""}\n{% endtranscription %}`,
    toPreview: ({ title, text }) =>
      `<div class="fr-transcription"><p class="fr-transcription__btn">Transcription : ${escapeHtml(title ?? "")}</p><p class="fr-p-2w">${excerpt(text)}</p></div>`,
  },
  container("callout", "Encadré (mise en avant)", "callout", (title, text) =>
    `<div class="fr-callout">${title ? `<p class="fr-callout__title">${title}</p>` : ""}<p class="fr-callout__text">${text}</p></div>`,
  ),
  container("accordion", "Accordéon", "accordion", (title, text) =>
    `<section class="fr-accordion"><h3 class="fr-accordion__title"><span class="fr-accordion__btn">${title || "Détails"}</span></h3><div class="fr-p-2w">${text}</div></section>`,
  ),
  {
    id: "alert",
    label: "Alerte (information, attention…)",
    fields: [
      { name: "kind", label: "Type", widget: "select", options: alertKinds, default: "info" },
      { name: "title", label: "Titre", widget: "string", required: false },
      { name: "text", label: "Texte (Markdown)", widget: "text" },
    ],
    pattern: /^::: (info|warning|error|success)(?: ([^\n]*))?\n([\s\S]*?)\n:::$/m,
    fromBlock: (match) => ({ kind: match[1] ?? "info", title: match[2] ?? "", text: match[3] ?? "" }),
    toBlock: ({ kind, title, text }) => `::: ${kind || "info"}${title ? ` ${title}` : ""}\n${text ?? ""}\n:::`,
    toPreview: ({ kind, title, text }) =>
      `<div class="fr-alert fr-alert--${escapeHtml(kind || "info")}">${title ? `<h3 class="fr-alert__title">${escapeHtml(title)}</h3>` : ""}<p>${escapeHtml(text ?? "")}</p></div>`,
  },
];
