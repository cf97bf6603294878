/**
 * Every layout name found in existing content, mapped to the template that renders it.
 * Several names share one template: the guides, for instance, are all driven by their navigation tree.
 */
export const layoutTemplates: Readonly<Record<string, string>> = {
  "layouts/base.njk": "layouts/base.njk",
  "layouts/home.njk": "layouts/home.njk",
  "layouts/page.njk": "layouts/page.njk",
  "layouts/post.njk": "layouts/post.njk",
  "layouts/page-with-summary.njk": "layouts/page-with-summary.njk",
  "layouts/landing.njk": "layouts/landing.njk",
  "layouts/publications.njk": "layouts/publications.njk",
  "layouts/plans-action.njk": "layouts/guide.njk",
  "layouts/guide.njk": "layouts/guide.njk",
  "layouts/guide-achats.njk": "layouts/guide.njk",
  "layouts/fin-usage.njk": "layouts/guide.njk",
  "layouts/ecoconception-securite.njk": "layouts/guide.njk",
  "layouts/guide-indice-reparabilite.njk": "layouts/guide.njk",
  "layouts/impact-bonnes-pratiques.njk": "layouts/guide.njk",
  "layouts/numerique-responsable-collectivites.njk": "layouts/guide.njk",
  "layouts/bonne-pratique/default.njk": "layouts/guide.njk",
  "layouts/bonne-pratique/thematique.njk": "layouts/guide.njk",
  "layouts/referentiel-ecoconception.njk": "layouts/referentiel-ecoconception.njk",
  "layouts/outil.njk": "layouts/outil.njk",
  "layouts/outil-collectivites.njk": "layouts/outil.njk",
  "layouts/thematique.njk": "layouts/thematique.njk",
  "layouts/video.njk": "layouts/video.njk",
};

export const layoutNames = Object.keys(layoutTemplates);
