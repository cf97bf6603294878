import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { humanSize, loadReferential, referentialCsv, themeKey } from "../../src/content/rgesn.ts";

const themes = { title: "R", version: "v", updatedAt: "2024-05-28", themes: { strategie: "S", uxui: "U" } };
const criterion = (numero: string, extra: Record<string, unknown> = {}) => ({
  numero,
  thematique: "Stratégie",
  critere: `Question ${numero} ?`,
  difficulte: "Moyen",
  priorite: "Prioritaire",
  cible: "Tous",
  metiers: "Développeur, Concepteur UX / UI",
  objectif: "O",
  miseEnOeuvre: "- un\n- deux",
  controle: 'Contrôle avec "guillemets", virgule\net ligne',
  ...extra,
});
const sources = { criteria: "criteres.json", themes: "thematiques.json" };

describe("loadReferential", () => {
  it("groups criteria by theme in number order and splits professions", () => {
    const referential = loadReferential([criterion("1.10"), criterion("4.1", { thematique: "UX/UI" }), criterion("1.2")], themes, sources);
    expect(referential.criteria.map((c) => c.numero)).toEqual(["1.2", "1.10", "4.1"]);
    expect(referential.themes.map((t) => [t.name, t.slug, t.description, t.criteria.length])).toEqual([
      ["Stratégie", "strategie", "S", 2],
      ["UX/UI", "ux-ui", "U", 1],
    ]);
    expect(referential.criteria[0]).toMatchObject({
      url: "/publications/referentiel-general-ecoconception/critere/1.2/",
      professions: ["Développeur", "Concepteur UX / UI"],
    });
    expect(themeKey("Hébergement")).toBe("hebergement");
  });

  it("names the criterion and the field that is missing", () => {
    const { objectif: _removed, ...broken } = criterion("2.3");
    expect(() => loadReferential([criterion("1.1"), broken], themes, sources)).toThrow(
      /critère 2\.3 : champ « objectif » manquant/,
    );
  });

  it("names the criterion whose theme is unknown", () => {
    expect(() => loadReferential([criterion("9.9", { thematique: "Astrologie" })], themes, sources)).toThrow(
      /critère 9\.9 : thématique inconnue « Astrologie »/,
    );
  });

  it("refuses duplicate numbers", () => {
    expect(() => loadReferential([criterion("1.1"), criterion("1.1")], themes, sources)).toThrow(/1\.1 : numéro en double/);
  });
});

describe("exports", () => {
  it("writes a CSV that a CSV parser reads back unchanged", () => {
    const referential = loadReferential([criterion("1.1"), criterion("1.2")], themes, sources);
    const rows = parse(referentialCsv(referential.criteria), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.controle).toBe('Contrôle avec "guillemets", virgule\net ligne');
    expect(Object.keys(rows[0]!)).toEqual(["numero", "thematique", "critere", "difficulte", "priorite", "cible", "metiers", "objectif", "miseEnOeuvre", "controle"]);
  });
  it("shows sizes the French way", () => {
    expect(humanSize(900)).toBe("900 octets");
    expect(humanSize(187_000)).toBe("183 Ko");
    expect(humanSize(1_300_000)).toBe("1,2 Mo");
  });
});
