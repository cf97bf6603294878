import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { editorConfig } from "../../src/admin/config.ts";
import { editorComponents } from "../../src/admin/editorComponents.ts";
import { type EditorField } from "../../src/admin/fields.ts";
import { frontMatterSchema, expectations, validateFrontMatter } from "../../src/content/schema.ts";
import { layoutNames } from "../../src/content/layouts.ts";
import { createMarkdown } from "../../src/content/markdown.ts";
import { contentTypeRules, contentTypes, scaffold } from "../../src/scaffold/templates.ts";
import { readContentFile } from "../../src/admin/contentFile.ts";
import { editorSettings } from "../../src/plugins/admin.ts";

const settings = { repo: "ministere/site", branch: "main", siteUrl: "https://ecoresponsable.numerique.gouv.fr", localBackendUrl: "http://127.0.0.1:8081/api/v1" };
const inUse = { tags: ["MiNumEco", "Vidéo"], series: ["Paroles d'experts saison 1"] };
const config = editorConfig(settings, inUse);
const markdown = createMarkdown();
const shape = frontMatterSchema.shape as Record<string, z.ZodType>;

/** The zod type under optional/nullable wrappers. */
function inner(type: z.ZodType): z.ZodType {
  let current = type;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current;
}

describe("the web editor's configuration", () => {
  it("has one collection per content type of npm run new, in the folders that npm run new writes to", () => {
    expect(config.collections.map((c) => c.name)).toEqual([...contentTypes]);
    for (const type of contentTypes) {
      const { path: file } = scaffold(type, "Un titre", new Date("2026-03-16"));
      const collection = config.collections.find((c) => c.name === type)!;
      const made = `${collection.folder}/${collection.path.replace("{{year}}", "2026").replace("{{slug}}", "un-titre")}.md`;
      expect(made, type).toBe(`content/${file}`);
    }
  });

  it("agrees with the schema on every field: it exists, is required when the schema requires it, and offers what the schema accepts", () => {
    for (const collection of config.collections) {
      const fields = collection.fields.filter((f: EditorField) => f.name !== "body");
      for (const field of fields) {
        const type = shape[field.name];
        expect(type, `${collection.name}.${field.name} absent du schéma`).toBeDefined();
        expect(field.required, `${collection.name}.${field.name}`).toBe(!type!.safeParse(undefined).success);
        const base = inner(type!);
        if (base instanceof z.ZodDate) {
          expect(field.widget).toBe("datetime");
          expect(field.format).toBe("YYYY-MM-DD");
        }
        if (base instanceof z.ZodBoolean) expect(field.widget).toBe("boolean");
        if (field.name === "layout") {
          expect(field.options).toEqual(layoutNames);
          for (const option of field.options!) expect(type!.safeParse(option).success).toBe(true);
        }
        if (field.name === "tags") expect(field.options).toEqual(inUse.tags);
        if (expectations[field.name] && !["title", "description", "tags", "layout", "image", "series"].includes(field.name)) expect(field.hint).toBe(expectations[field.name]);
      }
      expect(collection.fields.at(-1)).toMatchObject({ name: "body", widget: "markdown" });
    }
  });

  it("starts a new entry from the example that npm run new writes, and that example passes the schema", () => {
    for (const type of contentTypes) {
      const collection = config.collections.find((c) => c.name === type)!;
      const { source } = scaffold(type, "Un titre", new Date("2026-03-16"));
      const entry = readContentFile(source);
      for (const field of collection.fields) {
        if (field.default !== undefined && field.name !== "body") expect(entry[field.name], `${type}.${field.name}`).toEqual(field.default);
      }
      expect(String(entry.body).trim()).toBe(contentTypeRules[type].body("Un titre").trim());
      const { body: _body, ...data } = entry;
      expect(() => validateFrontMatter(`${type}.md`, { ...data, date: new Date("2026-03-16") })).not.toThrow();
    }
  });

  it("sends every change through a pull request on GitHub, and saves locally through the loopback backend", () => {
    expect(config.publish_mode).toBe("editorial_workflow");
    expect(config.backend).toMatchObject({ name: "github", repo: "ministere/site", branch: "main" });
    expect(config.local_backend).toEqual({ url: "http://127.0.0.1:8081/api/v1", allowed_hosts: ["localhost", "127.0.0.1"] });
  });

  it("takes the repository from the environment before _data/editor.json, and CI's own repository last", () => {
    const data = { repo: "", branch: "main", authBaseUrl: "", authEndpoint: "", localBackendPort: 8081 };
    expect(editorSettings(data, settings.siteUrl, { GITHUB_REPOSITORY: "ministere/depot" }).repo).toBe("ministere/depot");
    expect(editorSettings({ ...data, repo: "ministere/site" }, settings.siteUrl, { GITHUB_REPOSITORY: "ministere/depot" }).repo).toBe("ministere/site");
    expect(editorSettings(data, settings.siteUrl, { CMS_GITHUB_REPO: "a/b", CMS_AUTH_BASE_URL: "https://auth.example" })).toMatchObject({ repo: "a/b", authBaseUrl: "https://auth.example" });
  });
});

describe("the editor's components", () => {
  const samples: Record<string, string[]> = {
    dailymotion: ['{% dailymotion "x9h51js" %}', '{%- dailymotion "x9h51js" -%}', '{% dailymotion "x9h51js", "Le titre" %}'],
    transcription: ['{% transcription "Épisode 12" %}\n<p>Bonjour.</p>\n{% endtranscription %}'],
    callout: ["::: callout À retenir\nUn texte **important**.\n:::", "::: callout\nSans titre.\n:::"],
    accordion: ["::: accordion Pour aller plus loin\nDes détails.\n:::"],
    alert: ["::: warning Attention\nUn avertissement.\n:::", "::: info\nUne information.\n:::"],
  };

  it("are found in a whole page's text, as the editor looks for them (a block among others)", () => {
    // Decap tries each block against the rest of the text, then against the block's first paragraph alone.
    const foundAtABlock = (text: string, pattern: RegExp) =>
      text.split("\n").some((_line, index, lines) => {
        const rest = lines.slice(index).join("\n");
        const match = rest.match(pattern) ?? rest.split("\n\n")[0]!.trimEnd().match(pattern);
        return match?.index === 0;
      });
    const page = readFileSync("content/actualites/videos/parolesdexperts-episode12-jeremievallet.md", "utf8");
    for (const id of ["dailymotion", "transcription"]) expect(foundAtABlock(page, editorComponents.find((c) => c.id === id)!.pattern), id).toBe(true);
    const callout = editorComponents.find((c) => c.id === "callout")!;
    expect("::: callout Titre\nTexte.\n:::\n\nLa suite.\n".match(callout.pattern)?.[2]).toBe("Texte.");
  });

  it("read back exactly what they write, for each form the content uses", () => {
    for (const component of editorComponents) {
      for (const text of samples[component.id]!) {
        const match = text.match(component.pattern);
        expect(match, `${component.id}: ${text}`).not.toBeNull();
        expect(component.toBlock(component.fromBlock(match!))).toBe(text);
      }
    }
  });

  it("write what the engine renders as the DSFR component", () => {
    const callout = editorComponents.find((c) => c.id === "callout")!;
    expect(markdown.render(callout.toBlock({ title: "À retenir", text: "Un texte." }))).toContain('<div class="fr-callout">');
    const accordion = editorComponents.find((c) => c.id === "accordion")!;
    expect(markdown.render(accordion.toBlock({ title: "Détails", text: "Un texte." }))).toContain('class="fr-accordion"');
    const alert = editorComponents.find((c) => c.id === "alert")!;
    expect(markdown.render(alert.toBlock({ kind: "warning", title: "Attention", text: "Un texte." }))).toContain("fr-alert--warning");
  });

  it("show in the preview as recognisable blocks, with their text escaped", () => {
    const video = editorComponents.find((c) => c.id === "dailymotion")!;
    expect(video.toPreview({ id: "x9h51js", title: "<b>Titre</b>" })).toContain("Vidéo Dailymotion : &lt;b&gt;Titre&lt;/b&gt;");
    const transcription = editorComponents.find((c) => c.id === "transcription")!;
    const preview = transcription.toPreview({ title: "Épisode 12", text: `<p>Jérémie Vallet<br>Directeur</p>\n<p>${"Un mot ".repeat(80)}</p>` });
    expect(preview).toContain("Transcription : Épisode 12");
    expect(preview).toContain("Jérémie Vallet Directeur Un mot");
    expect(preview).not.toContain("&lt;p&gt;");
    expect(preview).toMatch(/…<\/p><\/div>$/);
  });
});
