import { contentTypeRules, type ContentType } from "../scaffold/templates.ts";
import { bodyField, editorField, type ContentInUse, type EditorField } from "./fields.ts";

/** Where the editor saves: the repository on GitHub, or the local backend of `npm start`. */
export interface EditorSettings {
  /** owner/name of the GitHub repository, its branch, and the OAuth service that signs editors in. */
  repo: string;
  branch: string;
  authBaseUrl?: string;
  authEndpoint?: string;
  /** The site's public address, for the editor's "voir en ligne" links. */
  siteUrl: string;
  /** decap-server, which `npm start` runs on loopback beside the dev server. */
  localBackendUrl: string;
}

function collection(type: ContentType, inUse: ContentInUse) {
  const rule = contentTypeRules[type];
  const example = rule.example("", "");
  const fields: EditorField[] = rule.fields.map((name) => {
    const field = editorField(name, inUse);
    // A new entry starts from the same example as `npm run new` (its navigation key comes from its title there).
    return name in example && name !== "eleventyNavigation" ? { ...field, default: example[name] } : field;
  });
  return {
    name: type,
    label: rule.label,
    label_singular: rule.singular,
    folder: rule.folder ? `content/${rule.folder}` : "content",
    path: rule.path,
    slug: "{{slug}}",
    create: true,
    extension: "md",
    format: "contenu-du-site",
    summary: rule.fields.includes("date") ? "{{title}} ({{date}})" : "{{title}}",
    sortable_fields: rule.fields.includes("date") ? ["date", "title"] : ["title"],
    // A thumbnail lands beside its page (./vignette.png), as in the existing content.
    media_folder: "",
    public_folder: "./",
    fields: [...fields, { ...bodyField, default: rule.body("") }],
  };
}

/** Decap CMS's configuration, written from the content types and the schema: nothing to keep in step by hand. */
export function editorConfig(settings: EditorSettings, inUse: ContentInUse) {
  return {
    locale: "fr",
    load_config_file: false,
    backend: {
      name: "github",
      repo: settings.repo,
      branch: settings.branch,
      ...(settings.authBaseUrl ? { base_url: settings.authBaseUrl } : {}),
      ...(settings.authEndpoint ? { auth_endpoint: settings.authEndpoint } : {}),
      commit_messages: {
        create: "Création de « {{slug}} » ({{collection}})",
        update: "Modification de « {{slug}} » ({{collection}})",
        delete: "Suppression de « {{slug}} » ({{collection}})",
        uploadMedia: "Ajout du fichier {{path}}",
        deleteMedia: "Suppression du fichier {{path}}",
      },
    },
    // Every change is a pull request (brouillon, en relecture, prêt): the checks run before anything is published.
    publish_mode: "editorial_workflow",
    local_backend: { url: settings.localBackendUrl, allowed_hosts: ["localhost", "127.0.0.1"] },
    site_url: settings.siteUrl,
    display_url: settings.siteUrl,
    // Shared images and documents, served at /img/ and /docs/.
    media_folder: "public/img",
    public_folder: "/img",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: (Object.keys(contentTypeRules) as ContentType[]).map((type) => collection(type, inUse)),
  };
}

export type EditorConfig = ReturnType<typeof editorConfig>;
