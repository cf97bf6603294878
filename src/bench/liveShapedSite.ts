import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { sentence } from "./syntheticSite.ts";

/**
 * A site shaped like the live one, at its size (../shared/UPSTREAM-API.md: 121 posts, 96 guide and tool pages,
 * 6 pages with a Sommaire, the 78 criteria, some 300 images and documents): the live-shaped test fixture (its
 * layouts, folder data, front matter), grown with generated pages in the same shapes. Text is generated; weights
 * are the editors': thumbnails of several hundred KB as uploaded, players, documents of a few hundred KB.
 */
const fixture = "tests/fixtures/live-site";

/** Reproducible pseudo-random numbers (mulberry32): the same site at every run, so runs compare. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A photograph's cost for an encoder: a gradient under grain (noise is what makes camera pictures heavy). */
function photoPixels(seed: number, width: number, height: number, grain: number): Buffer {
  const random = randomFrom(seed);
  const pixels = Buffer.alloc(width * height * 3);
  const hue = [random() * 200, random() * 200, random() * 200];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = random() * grain;
      pixels[i] = (hue[0]! * (x / width) + 40 + noise) | 0;
      pixels[i + 1] = (hue[1]! * (y / height) + 30 + noise) | 0;
      pixels[i + 2] = (hue[2]! + noise) & 0xff;
    }
  }
  return pixels;
}

/** A picture as uploaded: a camera JPEG, a grainy PNG, or (`flat`) a PNG with little grain, as diagrams and logos are. */
async function writePhoto(file: string, seed: number, width: number, height: number, format: "jpeg" | "png" | "flat"): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const image = sharp(photoPixels(seed, width, height, { jpeg: 60, png: 24, flat: 4 }[format]), { raw: { width, height, channels: 3 } });
  await (format === "jpeg" ? image.jpeg({ quality: 85 }) : image.png()).toFile(file);
}

/** What the live content holds 48 of: an SVG file that only wraps a JPEG. */
async function writeSvgWrappedPhoto(file: string, seed: number): Promise<void> {
  const jpeg = await sharp(photoPixels(seed, 1200, 675, 50), { raw: { width: 1200, height: 675, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
  writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1200" height="675" viewBox="0 0 1200 675"><image width="1200" height="675" xlink:href="data:image/jpeg;base64,${jpeg.toString("base64")}"/></svg>`);
}

/** A document as editors link them: a PDF of a few hundred KB (its bytes do not matter to the build). */
function writeDocument(file: string, seed: number, kb: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const random = randomFrom(seed);
  const body = Buffer.alloc(kb * 1024, 0);
  for (let i = 0; i < body.length; i++) body[i] = (random() * 256) | 0;
  writeFileSync(file, Buffer.concat([Buffer.from("%PDF-1.7\n"), body, Buffer.from("\n%%EOF\n")]));
}

const paragraph = (seed: number, sentences = 4) => Array.from({ length: sentences }, (_, i) => sentence(seed + i * 11, 14 + ((seed + i) % 12))).join(" ");

/** A body of `sections` h2 sections with paragraphs, a list, sometimes a table, a sub-heading and links. */
function body(seed: number, sections: number, links: string[] = []): string {
  const parts = [paragraph(seed, 3)];
  for (let s = 0; s < sections; s++) {
    const k = seed * 31 + s;
    parts.push(`## ${sentence(k, 4).slice(0, -1)}`, paragraph(k, 4));
    parts.push(Array.from({ length: 3 + (k % 3) }, (_, i) => `- ${sentence(k + i, 7)}`).join("\n"));
    if (k % 3 === 0) parts.push(`### ${sentence(k + 5, 3).slice(0, -1)}`, paragraph(k + 7, 3));
    if (k % 4 === 1) parts.push(`| Indicateur | Valeur | Source |\n| --- | --- | --- |\n${Array.from({ length: 4 }, (_, i) => `| ${sentence(k + i, 2).slice(0, -1)} | ${(k * (i + 3)) % 97} % | ${sentence(k + i + 1, 2).slice(0, -1)} |`).join("\n")}`);
    const link = links[s % Math.max(links.length, 1)];
    if (link) parts.push(`Pour aller plus loin : [${sentence(k + 2, 3).slice(0, -1)}](${link}).`);
  }
  return parts.join("\n\n");
}

function frontMatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(([key, value]) => {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return `${key}:\n${Object.entries(value).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join("\n")}`;
    }
    return `${key}: ${JSON.stringify(value)}`;
  });
  return `---\n${lines.join("\n")}\n---\n`;
}

interface Guide {
  folder: string;
  layout: string;
  key: string;
  title: string;
  /** Pages under the guide's home: [chapter count, pages per chapter] gives a two-level side menu. */
  chapters: number;
  perChapter: number;
}

/** 60 pages: the guides the live site publishes under /publications/, each a home, chapters and their pages. */
const guides: Guide[] = [
  { folder: "publications/ecoconception-securite", layout: "layouts/ecoconception-securite.njk", key: "ecoSecu", title: "Écoconception et sécurité", chapters: 3, perChapter: 2 },
  { folder: "publications/impact-bonnes-pratiques", layout: "layouts/impact-bonnes-pratiques.njk", key: "impactBp", title: "Impact des bonnes pratiques", chapters: 4, perChapter: 1 },
  { folder: "publications/strategie-numerique-responsable-des-collectivites", layout: "layouts/numerique-responsable-collectivites.njk", key: "collectivites", title: "Stratégie numérique responsable des collectivités", chapters: 3, perChapter: 3 },
  { folder: "publications/guide-indice-reparabilite", layout: "layouts/guide-indice-reparabilite.njk", key: "indice", title: "L'indice de réparabilité", chapters: 3, perChapter: 0 },
  { folder: "publications/guide-mesure", layout: "layouts/guide.njk", key: "guideMesure", title: "Mesurer l'empreinte d'un service", chapters: 4, perChapter: 2 },
  { folder: "publications/plans-action-ministeres", layout: "layouts/plans-action.njk", key: "plansMinisteres", title: "Plans d'action des ministères", chapters: 3, perChapter: 2 },
];

export interface LiveShapedSite {
  input: string;
  /** Environment of its build: the full referential in place of the project's sample. */
  env: Record<string, string>;
}

/**
 * Writes the live-shaped site into `root` (content/ and public/, the project's layouts and data linked in).
 * `referential` names the criteria file of the full RGESN (its themes file beside it).
 */
export async function writeLiveShapedSite(root: string, referential: { criteria: string; themes: string }): Promise<LiveShapedSite> {
  rmSync(root, { recursive: true, force: true });
  const input = path.join(root, "content");
  const publicFolder = path.join(root, "public");
  cpSync(path.join(fixture, "content"), input, { recursive: true });
  cpSync(path.join(fixture, "public"), publicFolder, { recursive: true });
  symlinkSync(path.resolve("_includes"), path.join(root, "_includes"));
  symlinkSync(path.resolve("_data"), path.join(root, "_data"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    writeFileSync(path.join(input, file), text);
  };
  const encodings: Promise<void>[] = [];

  // public/: 250 images (most linked from nowhere, as on the live site) and 50 documents.
  const documents = Array.from({ length: 50 }, (_, i) => `/docs/document-${i + 1}.pdf`);
  documents.forEach((url, i) => writeDocument(path.join(publicFolder, url), 1000 + i, 40 + ((i * 53) % 400)));
  const publicImages = Array.from({ length: 250 }, (_, i) => `/img/${["actualites", "guides", "outils", "equipe", "partenaires"][i % 5]}/image-${i + 1}.${i % 4 === 0 ? "png" : "jpg"}`);
  publicImages.forEach((url, i) => encodings.push(writePhoto(path.join(publicFolder, url), 2000 + i, 640 + (i % 5) * 120, 400 + (i % 3) * 60, url.endsWith(".png") ? "flat" : "jpeg")));

  // 107 posts, beside the fixture's 14: every other one with a thumbnail uploaded beside it, one in ten an SVG
  // wrapping a photograph, one in five a player and its transcription, some with a document to download.
  const tagSets = [["MiNumEco"], ["Ministères", "MiNumEco"], ["Formation"], ["Événement"], ["IA et Data"], ["Lettre d'information"], ["Document de référence"]];
  for (let i = 1; i <= 107; i++) {
    const seed = 5000 + i;
    const date = new Date(Date.UTC(2019, 0, 1) + i * 17 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const video = i % 5 === 0;
    const fields: Record<string, unknown> = {
      title: `${sentence(seed, 6).slice(0, -1)} (${i})`,
      description: sentence(seed + 1, 18),
      date,
      tags: video ? ["Vidéo"] : tagSets[i % tagSets.length],
      ...(video && i % 10 === 0 ? { series: `Paroles d'experts saison ${1 + (i % 3)}` } : {}),
    };
    if (i % 10 === 3) {
      encodings.push(writeSvgWrappedPhoto(path.join(input, "actualites/posts/actus", `vignette-${i}.svg`), seed));
      fields.image = { path: `./vignette-${i}.svg`, alt: `Illustration de l'actualité ${i}` };
    } else if (i % 2 === 1) {
      const format = i % 3 === 0 ? "png" : "jpeg";
      const file = `vignette-${i}.${format === "png" ? "png" : "jpg"}`;
      encodings.push(writePhoto(path.join(input, "actualites/posts/actus", file), seed, format === "png" ? 1200 : 1600, format === "png" ? 675 : 900, format));
      fields.image = { path: `./${file}`, alt: `Illustration de l'actualité ${i}` };
    }
    const player = video ? `{% dailymotion "x9live${i}" %}\n\n{% transcription "Transcription de la vidéo" %}\n<p>${paragraph(seed + 3, 8)}</p>\n{% endtranscription %}\n\n` : "";
    const download = i % 4 === 0 ? `\n\n[Télécharger le document (pdf)](${documents[i % documents.length]})` : "";
    write(`actualites/posts/actus/actualite-${i}.md`, `${frontMatter(fields)}\n${player}${body(seed, 2 + (i % 3), ["/publications/", "/actualites/"])}${download}\n`);
  }

  // Guides with their side menus: 2 levels under each home.
  for (const [g, guide] of guides.entries()) {
    const permalinkOf = (slug: string) => `/${guide.folder}/${slug ? `${slug}/` : ""}`;
    const page = (slug: string, title: string, key: string, parent: string, order: number, seed: number) =>
      write(
        `${guide.folder}/${slug || "index"}.md`,
        `${frontMatter({ layout: guide.layout, title, description: sentence(seed, 14), date: "2024-06-03", permalink: permalinkOf(slug), eleventyNavigation: { key, parent, order } })}\n${body(seed, 3 + (seed % 3), [documents[seed % documents.length]!, `/${guides[(g + 1) % guides.length]!.folder}/`])}\n\n![${sentence(seed, 4).slice(0, -1)}](${publicImages[(seed * 5 + 1) % publicImages.length]})\n`,
      );
    page("", guide.title, guide.key, "publications", 20 + g, 7000 + g * 100);
    for (let c = 1; c <= guide.chapters; c++) {
      const chapterKey = `${guide.key}C${c}`;
      page(`chapitre-${c}`, `Chapitre ${c} : ${sentence(7000 + g * 100 + c, 4).slice(0, -1)}`, chapterKey, guide.key, c, 7000 + g * 100 + c);
      for (let p = 1; p <= guide.perChapter; p++) page(`chapitre-${c}/partie-${p}`, `${c}.${p} ${sentence(7050 + g * 100 + c * 10 + p, 4).slice(0, -1)}`, `${chapterKey}P${p}`, chapterKey, p, 7050 + g * 100 + c * 10 + p);
    }
  }

  // 14 more tool sheets, 14 more tools for local authorities, each with its keys.
  for (let i = 1; i <= 14; i++) {
    const seed = 8000 + i;
    write(
      `publications/boite-outils/fiches/outil-${i}.md`,
      `${frontMatter({ layout: "layouts/outil.njk", title: `Outil ${i} : ${sentence(seed, 3).slice(0, -1)}`, description: sentence(seed + 1, 12), date: "2024-10-01", tags: ["tool"], permalink: `/publications/boite-outils/fiches/outil-${i}/`, image: publicImages[(i * 5 + 2) % publicImages.length], link: `https://outil-${i}.example.org/`, codeRepository: `https://code.example.org/outil-${i}`, author: "Un collectif", mainTechnology: "Python", licence: "EUPL-1.2", category: "Mesure", scope: "Site web", toolType: "Application en ligne", target: "Développeurs", measuredIndicators: "Poids des pages, requêtes", environnementalIndicators: "Gaz à effet de serre" })}\n${body(seed, 2)}\n`,
    );
    write(
      `publications/strategie-numerique-responsable-des-collectivites/outils/outil-${i}.md`,
      `${frontMatter({ layout: "layouts/outil-collectivites.njk", title: `Outil pour les collectivités ${i}`, description: sentence(seed + 2, 12), date: "2024-09-12", tags: ["collectivitesOutils"], permalink: `/publications/strategie-numerique-responsable-des-collectivites/outils/outil-${i}/`, auteur: "Une association de collectivités", openSourceOpenData: "Oui", disponibilite: "En ligne, gratuit", url: `https://collectivites-${i}.example.org/`, perimetre: "Collectivité entière", utilisateursCibles: "Élus et agents", evaluationQuantitative: "Non", evaluationQualitative: "Oui", indicateursEnvironnementaux: "Aucun", experimentationAupresDeCollectivites: "Oui", retoursExperienceDeCollectivites: "Sur demande", accompagnement: "Webinaires" })}\n${body(seed + 3, 2)}\n`,
    );
  }

  // Best-practice themes, whose bodies the guide's reading page embeds.
  for (let i = 1; i <= 4; i++) {
    write(
      `ressources/documents-reference/guide-bonnes-pratiques/thematique-${i}.md`,
      `${frontMatter({ layout: "layouts/bonne-pratique/thematique.njk", title: `Thématique ${i} : ${sentence(9000 + i, 3).slice(0, -1)}`, idbp: `BP-T${i}`, date: "2023-06-01", tags: ["guideBpNrThematique"], eleventyNavigation: { key: `bpThematique${i}`, parent: "guideBonnesPratiques", order: 10 + i } })}\n${body(9000 + i, 6)}\n`,
    );
  }

  // Pages with a Sommaire, long ones.
  for (let i = 1; i <= 4; i++) write(`informations/page-${i}.md`, `${frontMatter({ layout: "layouts/page-with-summary.njk", title: `Informations ${i} : ${sentence(9500 + i, 3).slice(0, -1)}`, description: sentence(9500 + i, 12), permalink: `/informations/page-${i}/` })}\n${body(9500 + i, 8, documents.slice(i, i + 3))}\n`);

  await Promise.all(encodings);
  return {
    input,
    env: { RGESN_CRITERIA: path.resolve(referential.criteria), RGESN_THEMES: path.resolve(referential.themes) },
  };
}
