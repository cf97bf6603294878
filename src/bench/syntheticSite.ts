import { cpSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import Image from "@11ty/eleventy-img";

const tags = ["MiNumEco", "Ministères", "Vidéo", "Formation", "IA et Data", "Lettre d'information"];
const words = "sobriété numérique service public réemploi matériel données hébergement mesure empreinte écoconception accessibilité agents formation achats durable collectivités énergie".split(" ");

export function sentence(seed: number, length: number): string {
  const picked = Array.from({ length }, (_, i) => words[(seed * 7 + i * 13) % words.length]);
  const text = picked.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Distinct thumbnails, as editors would upload them: 1,200 px PNGs, each drawn differently. */
const thumbnailCount = 40;

async function writeThumbnails(folder: string): Promise<void> {
  await Promise.all(
    Array.from({ length: thumbnailCount }, (_, i) => {
      const hue = (i * 37) % 360;
      const shapes = Array.from({ length: 12 }, (_, k) => `<circle cx="${(i * 97 + k * 151) % 1200}" cy="${(i * 53 + k * 89) % 675}" r="${40 + ((i + k) * 23) % 160}" fill="hsl(${(hue + k * 29) % 360} 70% ${35 + (k % 4) * 12}%)" opacity=".8"/>`);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue} 60% 85%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360} 60% 40%)"/></linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/>${shapes.join("")}</svg>`;
      return Image(Buffer.from(svg), { formats: ["png"], widths: [1200], outputDir: folder, filenameFormat: () => `vignette-${i}.png` });
    }),
  );
}

/**
 * The project's own site plus `count` realistic news posts (front matter, tags, series on one in five, a thumbnail
 * on every other one, headings, lists, links), with the project's layouts and data, in `root/content`. Starting
 * from the real pages keeps every link of the header and footer alive, so `npm run check` can run on it too.
 */
export async function writeSyntheticSite(root: string, count: number): Promise<string> {
  rmSync(root, { recursive: true, force: true });
  const input = path.join(root, "content");
  cpSync("content", input, { recursive: true });
  await writeThumbnails(path.join(input, "img"));
  symlinkSync(path.resolve("_includes"), path.join(root, "_includes"));
  symlinkSync(path.resolve("_data"), path.join(root, "_data"));
  for (let i = 1; i <= count; i++) {
    const date = new Date(Date.UTC(2020, 0, 1) + i * 6 * 3600 * 1000).toISOString().slice(0, 10);
    const postTags = [tags[i % tags.length]!, tags[(i * 3) % tags.length]!].filter((tag, index, all) => all.indexOf(tag) === index);
    const frontMatter = [
      `title: "Actualité de mesure numéro ${i}"`,
      `description: "${sentence(i, 12)}"`,
      `date: ${date}`,
      `tags: ${JSON.stringify(postTags)}`,
      ...(i % 5 === 0 ? [`series: "Série de mesure ${i % 4}"`] : []),
      ...(i % 2 === 0 ? ["image:", `  path: /img/vignette-${(i / 2) % thumbnailCount}.png`, '  alt: ""'] : []),
    ];
    const body = [
      sentence(i, 40),
      `## ${sentence(i + 1, 5)}`,
      sentence(i + 2, 60),
      `- ${sentence(i + 3, 6)}\n- ${sentence(i + 4, 6)}\n- [${sentence(i + 5, 3)}](/actualites/)`,
      `## ${sentence(i + 6, 4)}`,
      sentence(i + 7, 50),
    ].join("\n\n");
    writeFileSync(path.join(input, "actualites", `mesure-${i}.md`), `---\n${frontMatter.join("\n")}\n---\n\n${body}\n`);
  }
  return input;
}
