import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { matomoSettings, type MatomoSettings } from "../content/analytics.ts";
import type { EleventyConfig, RenderContext } from "../eleventy-types.ts";

const checkbox = `<div class="fr-checkbox-group" hidden>
  <input type="checkbox" id="refus-mesure-audience" aria-describedby="refus-mesure-audience-aide">
  <label class="fr-label" for="refus-mesure-audience">Je refuse la mesure d'audience de ce site
    <span class="fr-hint-text" id="refus-mesure-audience-aide">Votre choix est enregistré dans ce navigateur ; il s'applique dès la page suivante.</span>
  </label>
</div>`;

/** What the personal data page says about audience measurement, with the refusal checkbox when it is on. */
function measurementNotice(matomo: MatomoSettings | undefined): string {
  if (!matomo) return "<p>Ce site ne mesure pas son audience.</p>";
  const host = new URL(matomo.url).host;
  return `<p>Ce site compte ses visites avec Matomo (${host}), sans cookie ni identifiant : les données sont anonymes, servent uniquement aux statistiques de fréquentation du site et ne sont ni croisées avec d'autres ni transmises à des tiers. Cette mesure est exemptée de consentement par la CNIL ; vous pouvez toutefois la refuser, et elle n'a jamais lieu si votre navigateur demande à ne pas être suivi.</p>
${checkbox}
<noscript><p>Sans JavaScript, aucune mesure d'audience n'a lieu.</p></noscript>`;
}

/**
 * Optional audience measurement (Matomo), off by default, configured in _data/analytics.json and validated
 * at build. Templates receive `matomo` (its address and site number) only when it is on.
 */
export default function analyticsPlugin(eleventyConfig: EleventyConfig): void {
  const settingsFile = () => path.join((eleventyConfig.directories as { data: string }).data, "analytics.json");
  const read = (): MatomoSettings | undefined => {
    const file = settingsFile();
    if (!existsSync(file)) return undefined;
    const relative = path.relative(process.cwd(), file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`${relative} n'est pas un JSON valide (${(error as Error).message}). Vérifiez les guillemets et les virgules.`);
    }
    return matomoSettings(raw, relative);
  };
  // Read and validated once per build; the shortcode finds the result in the page's data.
  eleventyConfig.addGlobalData("matomo", () => read() ?? false);
  eleventyConfig.addShortcode("mesureAudience", function (this: RenderContext) {
    return `\n\n${measurementNotice((this.ctx?.matomo as MatomoSettings | false | undefined) || undefined)}\n\n`;
  });
}
