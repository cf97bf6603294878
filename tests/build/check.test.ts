import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pagesForAccessibility, runChecks } from "../../src/check/run.ts";
import { counts, markdownReport, terminalReport } from "../../src/check/report.ts";
import { compareWithBudget, readBudgets } from "../../src/check/budgets.ts";
import { contentTypes, scaffold } from "../../src/scaffold/templates.ts";
import { createFixtureSite } from "../support/fixture-site.ts";
import type { Problem } from "../../src/check/types.ts";
import { placeholderSvg } from "../../src/content/placeholders.ts";

const newsData = readFileSync("content/actualites/actualites.11tydata.json", "utf8");
const page = (title: string, body: string, extra = "") => `---\ntitle: "${title}"\n${extra}---\n\n${body}\n`;

/** The pages the header and footer of every page link to: without them, any fixture has broken links. */
const shellPages: Record<string, string> = {
  "index.md": page("Accueil", "Bienvenue."),
  "a-propos.md": page("À propos", "La mission."),
  "contact.md": page("Contact", "Écrivez-nous."),
  "plan-du-site.md": page("Plan du site", "Toutes les pages.", "search: false\n"),
  "accessibilite.md": page("Accessibilité", "Non conforme."),
  "mentions-legales.md": page("Mentions légales", "Éditeur."),
  "donnees-personnelles.md": page("Données personnelles", "## Cookies {id=cookies}\n\nAucun."),
  "declaration-ecoconception.md": page("Déclaration d'écoconception", "Sobriété."),
  // Linked from the referential's breadcrumb and from episodes' series.
  "publications/index.md": page("Publications", "Les publications.", "layout: layouts/publications.njk\neleventyNavigation:\n  key: publications\n"),
  "ressources/videos.md": page("Vidéos", "Les vidéos.", "layout: layouts/landing.njk\nlistTag: Vidéo\ngroupBy: series\n"),
  "ressources/podcasts.md": page("Podcasts", "Les podcasts.", "layout: layouts/landing.njk\nlistTag: Podcast\ngroupBy: series\n"),
  // The newsletter band above every footer links there.
  "ressources/lettres-information.md": page("Lettres d'information", "Les lettres.", "layout: layouts/landing.njk\nlistTag: Lettre d'information\n"),
};

/** Checks a small site made of correct shell pages and the given files. */
async function check(
  files: Record<string, string>,
  options: { accessibility?: boolean; today?: Date; changed?: string[]; budgetsFile?: string } = {},
): Promise<Problem[]> {
  const site = createFixtureSite();
  for (const [name, source] of Object.entries(shellPages)) site.write(name, source);
  site.write("actualites/actualites.11tydata.json", newsData);
  for (const [name, source] of Object.entries(files)) site.write(name, source);
  return runChecks({
    input: site.input,
    output: site.output,
    accessibility: options.accessibility ?? false,
    today: options.today,
    changedFiles: (options.changed ?? []).map((name) => path.relative(process.cwd(), path.join(site.input, name))),
    budgetsFile: options.budgetsFile ?? "aucun-budget.json",
  });
}

function only(problems: Problem[], checkName: string, severity: Problem["severity"] = "erreur"): Problem[] {
  return problems.filter((p) => p.check === checkName && p.severity === severity);
}

describe("each check reports its defect with the page and the source file", () => {
  it.each([
    ["a broken internal link", "lien.md", "[Voir](/nulle-part/)", "liens", /« \/nulle-part\/ » ne mène à aucune page/],
    ["a missing anchor", "ancre.md", "## Partie\n\n[Voir](/ancre/#absente)", "liens", /l'ancre « #absente »/],
    ["a missing image", "image.md", "![Un schéma](/img/absent.png)", "liens", /image « \/img\/absent\.png »/],
    ["invalid HTML", "html.md", '<div class="x"><span>texte</div>', "html", /règle/],
    ["a second h1", "titres.md", "# Un autre titre principal", "structure", /2 titres de niveau 1/],
    ["a skipped heading level", "saut.md", "#### Trop bas", "structure", /niveau 4 juste après un niveau 1/],
    ["an image without alt", "alt.md", '<img src="/img/plans-action/couverture-mc.png">', "structure", /n'a pas d'attribut alt/],
    ["an iframe without title", "cadre.md", '<iframe src="/"></iframe>', "structure", /cadre \/ n'a pas de titre/],
    ["a duplicate id", "ids.md", '<p id="double">Un</p>\n\n<p id="double">Deux</p>', "structure", /« double » est utilisé plusieurs fois/],
  ])("%s", async (_name, file, body, checkName, message) => {
    const problems = only(await check({ [file]: page("Page de test", body) }), checkName);
    const url = `/${file.replace(/\.md$/, "")}/`;
    const found = problems.find((p) => p.url === url && message.test(p.message));
    expect(found, JSON.stringify(problems, null, 1)).toBeDefined();
    expect(found!.source).toMatch(new RegExp(`${file}$`));
    expect(counts(problems).errors).toBeGreaterThan(0);
  });

  it("warns about a page of more than 2 MB of HTML, and keeps it out of the browser checks", async () => {
    const paragraph = "La sobriété numérique commence par des pages légères et des services utiles à tous. ".repeat(12);
    const body = Array.from({ length: 2100 }, (_, n) => (n % 40 === 0 ? `## Partie ${n}\n\n${paragraph}` : paragraph)).join("\n\n");
    const problems = await check({ "enorme.md": page("Une page énorme", body) });
    const warning = only(problems, "poids", "avertissement").find((p) => p.url === "/enorme/");
    expect(warning?.message).toMatch(/page de 2\.\d Mo de HTML \(au-delà de 2 Mo\) : découpez-la/);
    expect(warning?.source).toMatch(/enorme\.md$/);
    const records = [{ url: "/enorme/", inputPath: "content/enorme.md", layout: "layouts/page.njk" }, { url: "/autre/", inputPath: "content/autre.md", layout: "layouts/page.njk" }];
    expect(pagesForAccessibility(records as never, [], new Set(["/enorme/"])).map((r) => r.url)).toEqual(["/autre/"]);
  });

  it("reports two pages with the same title", async () => {
    const problems = only(await check({ "un.md": page("Même titre", "Un."), "deux.md": page("Même titre", "Deux.") }), "structure");
    expect(problems.map((p) => p.url).sort()).toEqual(["/deux/", "/un/"]);
  });

  it("reports a front-matter image that does not exist, and a future-dated post that is not an event", async () => {
    const problems = only(
      await check(
        {
          "actualites/vignette.md": page("Vignette absente", "Texte.", "image: /img/absente.png\ndate: 2026-01-01\n"),
          "actualites/futur.md": page("Billet du futur", "Texte.", "date: 2099-01-01\n"),
          "actualites/evenement.md": page("Événement à venir", "Texte.", "date: 2099-01-01\ntags: Événement\n"),
        },
        { today: new Date("2026-11-23") },
      ),
      "contenu",
    );
    const sorted = [...problems].sort((a, b) => a.url.localeCompare(b.url));
    expect(sorted.map((p) => [p.url, p.source?.endsWith(p.url.split("/")[2] + ".md")])).toEqual([
      ["/actualites/futur/", true],
      ["/actualites/vignette/", true],
    ]);
    expect(sorted[0]!.message).toMatch(/2099-01-01 est dans le futur/);
    expect(sorted[1]!.message).toMatch(/\/img\/absente\.png\) n'existe pas/);
  });

  it("lists for the owners each image still standing in for one to supply, with the page that shows it, as a warning", async () => {
    const problems = await check({
      "equipe.md": page("L'équipe", '![Portrait de Camille](portrait.svg)\n\n![Schéma](schema.svg)'),
      "portrait.svg": placeholderSvg(400, 400, "portrait"),
      "schema.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#000091"/></svg>',
    });
    expect(counts(problems).errors).toBe(0);
    // The project's own public/ has its stand-ins too (the action plans' covers…): this page's only are looked at.
    const toSupply = only(problems, "à fournir", "avertissement").filter((problem) => !problem.message.includes(" public/"));
    expect(toSupply.map((problem) => problem.url)).toEqual(["/portrait.svg"]);
    expect(toSupply[0]!.message).toMatch(/^image provisoire à remplacer par l'image définitive, sous le même nom : .*portrait\.svg, montrée par .*equipe\.md\.$/);
  });

  it("only warns for links to # and to http:, and for letters the site's Marianne does not draw", async () => {
    const problems = await check({ "avertissements.md": page("Avertissements", "[Bientôt](#) et [ancien site](http://example.org/), avec M. Nguyễn.") });
    expect(counts(problems).errors).toBe(0);
    expect(only(problems, "liens", "avertissement").map((p) => p.message)).toEqual([
      expect.stringMatching(/« # » ne mène nulle part/),
      expect.stringMatching(/http:\/\/example\.org\/ n'est pas sécurisé/),
    ]);
    expect(only(problems, "caractères", "avertissement").map((p) => [p.url, p.source?.endsWith("avertissements.md"), p.message.split(" n'est")[0]])).toEqual([
      ["/avertissements/", true, "« ễ » (U+1EC5)"],
    ]);
  });

  it("runs axe-core in Chromium on the pages a pull request changes, and reports violations", async () => {
    const problems = only(
      await check(
        { "axe.md": page("Lien vide", '<a href="/"><img src="/img/plans-action/couverture-mc.png" alt=""></a>', "layout: layouts/landing.njk\n") },
        { accessibility: true, changed: ["axe.md"] },
      ),
      "accessibilité",
    );
    expect(problems.find((p) => p.url === "/axe/" && /link-name/.test(p.message))?.source).toMatch(/axe\.md$/);
  });

  it("reports a build that fails as an error", async () => {
    const problems = await check({ "casse.md": "---\ntitle: Cassé\ndate: demain\n---\n" });
    expect(problems).toMatchObject([{ severity: "erreur", check: "construction", message: expect.stringMatching(/casse\.md/) }]);
  });
});

describe("weight budgets", () => {
  const budget = { url: "/", maxKb: 150, maxRequests: 10, maxDomElements: 600, minEcoIndex: 80 };
  const measured = { search: { requests: 0, kb: 0 }, requests: 14, transferredKb: 219.7, kbByType: {}, domElements: 272, ecoIndex: 83.3, grade: "A" };
  it("reports each overrun, as an error when budgets are enforced", () => {
    const problems = compareWithBudget("accueil", budget, measured, true);
    expect(problems.map((p) => [p.severity, p.message.split(" : ")[1]!.split(".")[0]])).toEqual([
      ["erreur", "219"],
      ["erreur", "14 requêtes (budget 10)"],
    ]);
  });
  it("only warns while they are targets not yet met", () => {
    expect(compareWithBudget("accueil", budget, measured, false).every((p) => p.severity === "avertissement")).toBe(true);
    expect(compareWithBudget("accueil", { ...budget, maxKb: 300, maxRequests: 20 }, measured, true)).toEqual([]);
  });
  it("lets one page type stay a target while the others are enforced, and the reverse", () => {
    expect(compareWithBudget("recherche", { ...budget, enforce: false }, measured, true).map((p) => p.severity)).toEqual(["avertissement", "avertissement"]);
    expect(compareWithBudget("accueil", { ...budget, enforce: true }, measured, false).map((p) => p.severity)).toEqual(["erreur", "erreur"]);
  });
  it("holds a target to its ceiling meanwhile, as an error naming both limits", () => {
    const target = { ...budget, enforce: false, ceiling: { maxKb: 200, maxRequests: 20, minEcoIndex: 85 } };
    const readable = (problems: Problem[]) => problems.map((p) => [p.severity, p.message.split(" : ")[1]!.split(". ")[0]]);
    expect(readable(compareWithBudget("recherche", target, measured, true))).toEqual([
      ["erreur", "219.7 Ko transférés (plafond 200 Ko, budget visé 150 Ko)"],
      ["avertissement", "14 requêtes (budget visé 10)"],
    ]);
    // An enforced budget has no ceiling: its own limits are the errors.
    expect(readable(compareWithBudget("recherche", { ...target, enforce: true }, measured, false))[0]).toEqual(["erreur", "219.7 Ko transférés (budget 150 Ko)"]);
  });
});

describe("budgets.json", () => {
  const target = { url: "/recherche/", maxKb: 180, maxRequests: 10, maxDomElements: 800, minEcoIndex: 80, enforce: false };
  /** Writes a budgets file and returns what reading it throws ("" when it reads). */
  function readError(content: unknown): string {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "budgets-")), "budgets.json");
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    try {
      readBudgets(file);
      return "";
    } catch (error) {
      return (error as Error).message.replace(file, "budgets.json");
    }
  }

  it("the project's own reads, with every page type's four limits", () => {
    const budgets = readBudgets()!;
    for (const budget of Object.values(budgets.pages)) expect(Object.keys(budget)).toEqual(expect.arrayContaining(["url", "maxKb", "maxRequests", "maxDomElements", "minEcoIndex"]));
  });

  it("names the file, the field and what to write, instead of skipping a misspelt limit", () => {
    const { maxKb: _, ...withoutKb } = target;
    expect(readError({ enforce: true, pages: { recherche: { ...withoutKb, maxKB: 180 } } })).toBe(
      "budgets.json : champ « pages.recherche.maxKb » : attendu un nombre de Ko positif ; " +
        "champ « pages.recherche » : attendu aucun champ « maxKB » ; les champs possibles sont url, label, maxKb, maxRequests, maxDomElements, minEcoIndex, enforce et ceiling.",
    );
    expect(readError({ enforce: "oui", pages: {} })).toBe("budgets.json : champ « enforce » : attendu true ou false, sans guillemets.");
    expect(readError({ enforce: true, pages: { accueil: { ...target, url: "accueil", maxRequests: 9.5 } } })).toMatch(
      /« pages\.accueil\.url » : attendu l'adresse d'une page du site, commençant par « \/ » ; champ « pages\.accueil\.maxRequests » : attendu un nombre entier positif\.$/,
    );
    expect(readError("{ enforce: true }")).toMatch(/^budgets\.json : JSON invalide \(/);
  });

  it("refuses a ceiling stricter than its own target, which would never be reported", () => {
    expect(readError({ enforce: true, pages: { recherche: { ...target, ceiling: { maxKb: 300, maxRequests: 28, minEcoIndex: 72 } } } })).toBe("");
    expect(readError({ enforce: true, pages: { recherche: { ...target, ceiling: { maxKb: 150, minEcoIndex: 85 } } } })).toBe(
      "budgets.json : champ « pages.recherche.ceiling.maxKb » : attendu au moins le budget visé (180) : un plafond plus strict que le budget ne serait jamais signalé ; " +
        "champ « pages.recherche.ceiling.minEcoIndex » : attendu au plus le budget visé (80) : un plafond plus strict que le budget ne serait jamais signalé.",
    );
  });

  it("is reported by npm run check as an error, the other checks still running", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "budgets-")), "budgets.json");
    writeFileSync(file, JSON.stringify({ enforce: true, pages: { accueil: { ...target, maxKB: 1 } } }));
    const problems = await check({ "lien.md": page("Lien", "[Voir](/nulle-part/)") }, { budgetsFile: file });
    expect(only(problems, "poids")).toMatchObject([{ source: file, message: expect.stringContaining("aucun champ « maxKB »") }]);
    expect(only(problems, "liens")).toHaveLength(1);
    // Still said when the build fails too.
    const failed = await check({ "casse.md": "---\ntitle: Cassé\ndate: demain\n---\n" }, { budgetsFile: file });
    expect(failed.map((p) => p.check)).toEqual(["poids", "construction"]);
  });
});

describe("reports", () => {
  const problems: Problem[] = [
    { severity: "avertissement", check: "liens", url: "/a/", source: "./content/a.md", message: "lien | vide" },
    { severity: "erreur", check: "html", url: "/b/", message: "balise" },
  ];
  it("reads well in a terminal and in a pull request summary", () => {
    const terminal = terminalReport(problems);
    expect(terminal.split("\n")[0]).toBe("✗ erreur [html] /b/ : balise");
    expect(terminal).toContain("/a/ (fichier content/a.md)");
    expect(terminal).toMatch(/Vérification échouée : 1 erreur\(s\), 1 avertissement\(s\)\.$/);
    const markdown = markdownReport(problems);
    expect(markdown).toContain("## ❌ Vérification du site : 1 erreur(s) à corriger");
    expect(markdown).toContain("| avertissement | liens | /a/ | content/a.md | lien \\| vide |");
  });
});

describe("the real site", () => {
  it("passes every check with no error", async () => {
    const problems = await runChecks({ output: ".cache/check-site", accessibility: true });
    expect(problems.filter((p) => p.severity === "erreur")).toEqual([]);
  }, 180_000);
});

describe("npm run new", () => {
  it("creates, for each content type, a file that builds and passes the checks", async () => {
    const files = Object.fromEntries(contentTypes.map((type) => {
      const { path: file, source } = scaffold(type, `Nouveau contenu ${type}`, new Date("2026-11-23"));
      return [file, source];
    }));
    expect(Object.keys(files)).toEqual([
      "actualites/2026/nouveau-contenu-post.md",
      "actualites/videos/nouveau-contenu-video.md",
      "actualites/podcasts/nouveau-contenu-podcast.md",
      "actualites/evenements/nouveau-contenu-event.md",
      "actualites/lettres/nouveau-contenu-newsletter.md",
      "publications/nouveau-contenu-publication/index.md",
      "nouveau-contenu-page.md",
    ]);
    const problems = await check(files, { today: new Date("2026-11-23") });
    expect(problems.filter((p) => p.severity === "erreur")).toEqual([]);
    // Built and valid, but not written yet: each one is named for its example text.
    const leftOvers = problems.filter((p) => p.check === "contenu" && p.message.includes("texte d'exemple"));
    expect(leftOvers.map((p) => path.basename(p.source ?? ""))).toEqual(expect.arrayContaining(Object.keys(files).map((file) => path.basename(file))));
    expect(leftOvers.find((p) => p.source?.endsWith("nouveau-contenu-post.md"))?.message).toContain("« Une phrase qui résume l'actualité. »");
    expect(path.basename(Object.keys(files)[0]!)).toBe("nouveau-contenu-post.md");
  });
});
