import { slugify } from "../content/slug.ts";

export const contentTypes = ["post", "video", "podcast", "event", "publication"] as const;
export type ContentType = (typeof contentTypes)[number];

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** Where a new piece of content goes, and what it starts with: valid front matter and hints in French. */
export function scaffold(type: ContentType, title: string, today: Date): { path: string; source: string } {
  const slug = slugify(title);
  if (!slug) throw new Error("Le titre doit contenir au moins une lettre ou un chiffre.");
  const date = today.toISOString().slice(0, 10);
  const head = (lines: string[]) => `---\n${lines.join("\n")}\n---\n\n`;
  switch (type) {
    case "post":
      return {
        path: `actualites/${date.slice(0, 4)}/${slug}.md`,
        source: `${head([`title: ${yamlString(title)}`, 'description: "Une phrase qui résume l\'actualité."', `date: ${date}`, "tags:", "  - MiNumEco"])}Écrivez ici le texte de l'actualité.\n`,
      };
    case "video":
      return {
        path: `actualites/videos/${slug}.md`,
        source: `${head([`title: ${yamlString(title)}`, 'description: "Une phrase qui présente la vidéo."', `date: ${date}`, "tags:", "  - Vidéo", 'series: "Nom de la série"'])}{% dailymotion "IDENTIFIANT" %}\n\nRemplacez IDENTIFIANT par l'identifiant de la vidéo (la fin de son adresse Dailymotion), puis présentez-la ici.\n\n{% transcription "${title.replace(/"/g, "'")}" %}\n<p>Collez ici la transcription de la vidéo.</p>\n{% endtranscription %}\n`,
      };
    case "podcast":
      return {
        path: `actualites/podcasts/${slug}.md`,
        source: `${head([`title: ${yamlString(title)}`, 'description: "Une phrase qui présente l\'épisode."', `date: ${date}`, "tags:", "  - Podcast", 'series: "Nom de la série"'])}Présentez l'épisode ici.\n\n{% transcription "${title.replace(/"/g, "'")}" %}\n<p>Collez ici la transcription de l'épisode.</p>\n{% endtranscription %}\n`,
      };
    case "event":
      return {
        path: `actualites/evenements/${slug}.md`,
        source: `${head([`title: ${yamlString(title)}`, 'description: "Une phrase qui présente l\'événement."', `date: ${date}`, 'location: "Lieu ou « En ligne »"', "tags:", "  - Événement"])}La date ci-dessus est celle de l'événement (ajoutez endDate: AAAA-MM-JJ s'il dure plusieurs jours). Décrivez le programme et les modalités d'inscription.\n`,
      };
    case "publication":
      return {
        path: `publications/${slug}/index.md`,
        source: `${head([
          "layout: layouts/guide.njk",
          `title: ${yamlString(title)}`,
          'description: "Une phrase qui présente la publication."',
          `date: ${date}`,
          "type: publication",
          "eleventyNavigation:",
          `  key: ${slug}`,
          "  parent: publications",
          `  title: ${yamlString(title)}`,
          "  order: 100",
        ])}Présentez la publication ici. Ses sous-pages déclarent eleventyNavigation avec parent: ${slug}.\n`,
      };
  }
}
