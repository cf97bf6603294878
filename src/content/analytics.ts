import { z } from "zod";

/** Where Matomo runs and which site it counts; absent when audience measurement is off (the default). */
export interface MatomoSettings {
  url: string;
  siteId: string;
}

const settingsSchema = z
  .object({
    matomo: z
      .object({
        enabled: z.boolean({ error: "« true » ou « false », sans guillemets" }),
        url: z.string().regex(/^https:\/\/[^\s"<>]+\/$/, "l'adresse https de votre Matomo, terminée par « / » (par exemple « https://stats.data.gouv.fr/ »)").optional(),
        siteId: z.union([z.string().regex(/^\d*$/), z.number().int().positive()], { error: "le numéro du site dans Matomo (par exemple 42)" }).optional(),
      })
      .strict(),
  })
  .strict();

/**
 * Reads `_data/analytics.json`. Measurement is off unless `matomo.enabled` is true; then `url` and `siteId`
 * are required. A mistake fails the build with the file, the field and what to write.
 */
export function matomoSettings(raw: unknown, file: string): MatomoSettings | undefined {
  const parsed = settingsSchema.safeParse(raw);
  const fail = (field: string, expected: string) =>
    new Error(`${file} : champ « ${field} » invalide. Attendu : ${expected}. Pour ne pas mesurer l'audience, écrivez { "matomo": { "enabled": false } }.`);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "(racine)";
    throw fail(field, issue.code === "unrecognized_keys" ? `seulement « enabled », « url » et « siteId » (trouvé ${issue.keys.join(", ")})` : issue.message);
  }
  const { enabled, url, siteId } = parsed.data.matomo;
  if (!enabled) return undefined;
  if (!url) throw fail("matomo.url", "l'adresse https de votre Matomo, terminée par « / »");
  if (siteId === undefined || siteId === "") throw fail("matomo.siteId", "le numéro du site dans Matomo (par exemple 42)");
  return { url, siteId: String(siteId) };
}
