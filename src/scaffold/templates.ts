import { slugify } from "../content/slug.ts";
import { writeContentFile } from "../admin/contentFile.ts";

export const contentTypes = ["post", "video", "podcast", "event", "newsletter", "publication", "page"] as const;
export type ContentType = (typeof contentTypes)[number];

/**
 * Each kind of content an editor creates: where its file goes, the front-matter fields it offers (in the
 * order they are written) and what a new one starts with. `npm run new` and the web editor (/admin/) both
 * read it, so a kind of content is declared once.
 */
export interface ContentTypeRule {
  /** The list's name and one item's, in the web editor. */
  label: string;
  singular: string;
  /** Folder under content/, and the new file's path inside it (Decap's `{{year}}` and `{{slug}}`). */
  folder: string;
  path: string;
  fields: readonly string[];
  /** The example a new file starts with, from its title and slug. */
  example: (title: string, slug: string) => Record<string, unknown>;
  body: (title: string) => string;
}

const quotedTitle = (title: string) => title.replace(/"/g, "'");

const transcription = (title: string, what: string) =>
  `{% transcription "${quotedTitle(title)}" %}\n<p>Collez ici la transcription ${what}.</p>\n{% endtranscription %}\n`;

const newsFields = ["title", "description", "date", "image", "tags", "series"] as const;

export const contentTypeRules: Record<ContentType, ContentTypeRule> = {
  post: {
    label: "Actualités",
    singular: "actualité",
    // Every file under actualites/ is a news post, whatever its sub-folder: new ones go under their year.
    folder: "actualites",
    path: "{{year}}/{{slug}}",
    fields: newsFields,
    example: () => ({ description: "Une phrase qui résume l'actualité.", tags: ["MiNumEco"] }),
    body: () => "Écrivez ici le texte de l'actualité.\n",
  },
  video: {
    label: "Vidéos",
    singular: "vidéo",
    folder: "actualites/videos",
    path: "{{slug}}",
    fields: newsFields,
    example: () => ({ description: "Une phrase qui présente la vidéo.", tags: ["Vidéo"], series: "Nom de la série" }),
    body: (title) =>
      `{% dailymotion "IDENTIFIANT" %}\n\nRemplacez IDENTIFIANT par l'identifiant de la vidéo (la fin de son adresse Dailymotion), puis présentez-la ici.\n\n${transcription(title, "de la vidéo")}`,
  },
  podcast: {
    label: "Podcasts",
    singular: "épisode de podcast",
    folder: "actualites/podcasts",
    path: "{{slug}}",
    fields: newsFields,
    example: () => ({ description: "Une phrase qui présente l'épisode.", tags: ["Podcast"], series: "Nom de la série" }),
    body: (title) => `Présentez l'épisode ici.\n\n${transcription(title, "de l'épisode")}`,
  },
  event: {
    label: "Formations et événements",
    singular: "événement",
    folder: "actualites/evenements",
    path: "{{slug}}",
    fields: ["title", "description", "date", "endDate", "location", "image", "tags"],
    example: () => ({ description: "Une phrase qui présente l'événement.", location: "Lieu ou « En ligne »", tags: ["Événement"] }),
    body: () =>
      "La date ci-dessus est celle de l'événement (ajoutez endDate: AAAA-MM-JJ s'il dure plusieurs jours). Décrivez le programme et les modalités d'inscription.\n",
  },
  newsletter: {
    label: "Lettres d'information",
    singular: "lettre d'information",
    folder: "actualites/lettres",
    path: "{{slug}}",
    fields: ["title", "description", "date", "image", "tags"],
    example: () => ({ description: "Une phrase qui présente la lettre.", tags: ["Lettre d'information"] }),
    body: () => "Écrivez ici le texte de la lettre d'information.\n",
  },
  publication: {
    label: "Publications et guides",
    singular: "publication",
    folder: "publications",
    path: "{{slug}}/index",
    fields: ["layout", "title", "description", "date", "type", "image", "eleventyNavigation"],
    example: (title, slug) => ({
      layout: "layouts/guide.njk",
      description: "Une phrase qui présente la publication.",
      type: "publication",
      eleventyNavigation: { key: slug, parent: "publications", title, order: 100 },
    }),
    body: () => "Présentez la publication ici. Ses sous-pages déclarent eleventyNavigation avec pour parent la clé de cette page.\n",
  },
  page: {
    label: "Pages du site",
    singular: "page",
    folder: "",
    path: "{{slug}}",
    fields: ["layout", "title", "description", "showBreadcrumb"],
    example: () => ({ layout: "layouts/page.njk", description: "Une phrase qui présente la page." }),
    body: () => "Écrivez ici le texte de la page.\n",
  },
};

/** The example texts a new file starts with: a page still holding one was published before it was written. */
export const exampleTexts: readonly string[] = [
  ...new Set(
    Object.values(contentTypeRules).flatMap((rule) => {
      const fields = rule.example("", "");
      const texts = [fields.description, fields.series, fields.location].filter((text): text is string => typeof text === "string");
      const bodyLines = rule.body("").split("\n").map((line) => line.replace(/<[^>]+>/g, ""));
      return [...texts, ...bodyLines.filter((line) => line.length > 24 && !line.startsWith("{%"))];
    }),
  ),
];

/** Where a new piece of content goes, and what it starts with: valid front matter and hints in French. */
export function scaffold(type: ContentType, title: string, today: Date): { path: string; source: string } {
  const slug = slugify(title);
  if (!slug) throw new Error("Le titre doit contenir au moins une lettre ou un chiffre.");
  const date = today.toISOString().slice(0, 10);
  const rule = contentTypeRules[type];
  const values: Record<string, unknown> = { title, ...(rule.fields.includes("date") ? { date } : {}), ...rule.example(title, slug) };
  const fields = Object.fromEntries(rule.fields.filter((field) => field in values).map((field) => [field, values[field]]));
  const file = rule.path.replace("{{year}}", date.slice(0, 4)).replace("{{slug}}", slug);
  return {
    path: `${rule.folder ? `${rule.folder}/` : ""}${file}.md`,
    source: writeContentFile({ ...fields, body: `\n${rule.body(title)}` }),
  };
}
