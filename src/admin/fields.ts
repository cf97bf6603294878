import { expectations, frontMatterSchema } from "../content/schema.ts";
import { layoutNames } from "../content/layouts.ts";

/** A field of Decap CMS's configuration (the keys this site uses). */
export interface EditorField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: string[];
  multiple?: boolean;
  fields?: EditorField[];
  pattern?: [string, string];
  [setting: string]: unknown;
}

/** AAAA-MM-JJ, the only date the build reads unquoted: the editor refuses anything else before saving. */
export const dayPattern: [string, string] = ["^\\d{4}-\\d{2}-\\d{2}$", "Une date au format AAAA-MM-JJ, par exemple 2026-03-16."];

const day = (label: string, name: string): EditorField => ({
  name,
  label,
  widget: "datetime",
  format: "YYYY-MM-DD",
  date_format: "DD/MM/YYYY",
  time_format: false,
  picker_utc: true,
  pattern: dayPattern,
});

/** What the site knows of its content when it writes the editor's configuration. */
export interface ContentInUse {
  tags: string[];
  series: string[];
}

/**
 * The web editor's widget for each front-matter field, with its French label and the schema's own hint
 * (src/content/schema.ts), required when the schema requires it; tests/unit/admin-config.test.ts holds the two together.
 */
export function editorField(name: string, inUse: ContentInUse): EditorField {
  const hint = expectations[name];
  const field = ((): EditorField => {
    switch (name) {
      case "title":
        return { name, label: "Titre", widget: "string" };
      case "description":
        return { name, label: "Description", widget: "text", hint: "Une ou deux phrases : elles s'affichent sous le titre, sur les cartes et dans les résultats de recherche." };
      case "date":
        return { ...day("Date (de publication, ou de l'événement)", name), hint };
      case "endDate":
        return { ...day("Date de fin (événement sur plusieurs jours)", name), hint };
      case "location":
        return { name, label: "Lieu", widget: "string", hint };
      case "image":
        return {
          name,
          label: "Vignette",
          widget: "object",
          collapsed: false,
          hint: "L'image des cartes et du partage. Elle est enregistrée à côté de la page.",
          fields: [
            // Saved beside the page, as the content does today: ./vignette.png.
            { name: "path", label: "Image", widget: "image", required: false, media_folder: "", public_folder: "./", choose_url: false },
            { name: "alt", label: "Texte alternatif", widget: "string", required: false, hint: expectations["image.alt"] },
          ],
        };
      case "tags":
        return { name, label: "Étiquettes", widget: "select", multiple: true, options: inUse.tags, hint: "Les étiquettes en usage sur le site. Pour en créer une, écrivez-la dans le fichier." };
      case "series":
        return {
          name,
          label: "Série",
          widget: "string",
          hint: inUse.series.length > 0 ? `Le nom exact d'une série existante (${inUse.series.join(", ")}), ou celui d'une nouvelle série.` : hint,
        };
      case "layout":
        return { name, label: "Gabarit", widget: "select", options: [...layoutNames], hint: "La mise en page. Les guides partagent le même gabarit, avec leur menu latéral." };
      case "type":
        return { name, label: "Type", widget: "hidden" };
      case "showBreadcrumb":
        return { name, label: "Afficher le fil d'Ariane", widget: "boolean", hint: expectations.showBreadcrumb };
      case "eleventyNavigation":
        return {
          name,
          label: "Place dans les menus",
          widget: "object",
          collapsed: true,
          hint: expectations.eleventyNavigation,
          fields: [
            { name: "key", label: "Clé (unique)", widget: "string", required: false },
            { name: "parent", label: "Clé de la page parente", widget: "string", required: false },
            { name: "title", label: "Titre dans le menu", widget: "string", required: false },
            { name: "order", label: "Ordre", widget: "number", value_type: "int", required: false, hint: expectations["eleventyNavigation.order"] },
          ],
        };
      default:
        throw new Error(`Le champ « ${name} » n'a pas de widget dans l'éditeur (src/admin/fields.ts).`);
    }
  })();
  // Required exactly when the schema refuses the page without it.
  const schemaField = (frontMatterSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean } } | undefined>)[name];
  return { required: schemaField ? !schemaField.safeParse(undefined).success : false, ...field };
}

/** The page's text: raw Markdown first, so that Nunjucks tags and HTML are saved as written. */
export const bodyField: EditorField = {
  name: "body",
  label: "Texte",
  widget: "markdown",
  modes: ["raw", "rich_text"],
  required: false,
  hint: "En Markdown. Le mode « texte enrichi » propose les composants du site (vidéo, transcription, encadré, accordéon) dans son menu « + ».",
};
