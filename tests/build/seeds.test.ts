import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtSite, loadPage, readPage, seedPages } from "../support/site.ts";

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";

describe("the DSFR shell on every seed page", () => {
  it.each(Object.entries(seedPages))("%s has lang, a unique title, landmarks and working skip links", (_name, url) => {
    const doc = loadPage(url);
    expect(doc.documentElement.getAttribute("lang")).toBe("fr");
    expect(doc.title).toMatch(/ – Numérique écoresponsable$/);
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
    expect(doc.querySelector('header[role="banner"].fr-header')).not.toBeNull();
    expect(doc.querySelector('footer[role="contentinfo"].fr-footer')).not.toBeNull();
    expect(doc.querySelector("main#contenu")).not.toBeNull();
    for (const link of doc.querySelectorAll(".fr-skiplinks a")) {
      const target = link.getAttribute("href")!.slice(1);
      expect(doc.getElementById(target), `cible du lien d'évitement #${target}`).not.toBeNull();
    }
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`https://ecoresponsable.numerique.gouv.fr${url}`);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute("content")).toBeTruthy();
    expect(readPage(url)).not.toMatch(/undefined|\[object Object\]/);
  });

  it("has a real search form, the State's links in order and the display settings", () => {
    const doc = loadPage("/");
    const form = doc.querySelector('form[role="search"]');
    expect(form?.getAttribute("action")).toBe("/recherche/");
    expect(form?.getAttribute("method")).toBe("get");
    const input = form?.querySelector('input[name="q"]');
    expect(doc.querySelector(`label[for="${input?.id}"]`)).not.toBeNull();
    expect([...doc.querySelectorAll(".fr-footer__content-link")].map(text)).toEqual([
      "info.gouv.fr",
      "service-public.gouv.fr",
      "legifrance.gouv.fr",
      "data.gouv.fr",
    ]);
    expect([...doc.querySelectorAll(".fr-footer__bottom-link")].map(text)).toEqual([
      "Plan du site",
      "Accessibilité : non conforme",
      "Mentions légales",
      "Données personnelles",
      "Gestion des cookies",
      "Déclaration d'écoconception",
      "Paramètres d'affichage",
    ]);
    const themes = [...doc.querySelectorAll('#parametres-affichage input[name="fr-radios-theme"]')];
    expect(themes.map((i) => i.getAttribute("value"))).toEqual(["light", "dark", "system"]);
    expect(text(doc.querySelector(".fr-footer__bottom-copy"))).toContain("licence etalab-2.0");
  });

  it("marks the current section in the main navigation", () => {
    const doc = loadPage(seedPages.videoPost);
    expect(text(doc.querySelector('#navigation-principale [aria-current="true"]'))).toBe("Actualités");
    const about = loadPage(seedPages.about);
    expect(text(about.querySelector('.fr-header__tools-links [aria-current="page"]'))).toBe("À propos");
  });
});

describe("seed 000: the press release as a news post", () => {
  const doc = loadPage(seedPages.pressRelease);
  it("has its title, date and text, not its letterhead", () => {
    expect(text(doc.querySelector("h1"))).toContain("Semaine du numérique écoresponsable");
    expect(doc.querySelector("time")?.getAttribute("datetime")).toBe("2026-03-16");
    expect(text(doc.querySelector("main"))).toContain("4,4 % de l'empreinte carbone nationale");
    expect(text(doc.querySelector("main"))).not.toContain("GOVERNEMENT");
  });
});

describe("seed 001: the video post", () => {
  const html = readPage(seedPages.videoPost);
  const doc = loadPage(seedPages.videoPost);
  it("shows tags, series and date", () => {
    expect(text(doc.querySelector("h1"))).toBe("Épisode #12 : Animation interministérielle du Numérique responsable");
    expect([...doc.querySelectorAll("article .fr-tag")].map(text)).toEqual(["Vidéo", "MiNumEco", "Ministères"]);
    expect(text(doc.querySelector("article"))).toContain("Série : Paroles d'experts saison 1");
    expect(doc.querySelector("article time")?.getAttribute("datetime")).toBe("2025-04-01");
  });
  it("loads nothing from Dailymotion before a click", () => {
    expect(doc.querySelector('.video-consent[data-video-id="x9h51js"]')).not.toBeNull();
    // Only the page's policy names the host, so that the player may load after the click.
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toContain("frame-src 'self' https://www.dailymotion.com");
    expect(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")).not.toContain("dailymotion.com");
    expect(doc.querySelector("iframe")).toBeNull();
    expect(doc.querySelector('script[src^="/assets/video-consent-"]')).not.toBeNull();
  });
  it("renders the transcription with its title and unique ids, and the caption as Markdown", () => {
    const transcriptions = doc.querySelectorAll(".fr-transcription");
    expect(transcriptions).toHaveLength(1);
    expect(text(doc.querySelector(".fr-transcription .fr-modal__title"))).toBe("Jérémie Vallet");
    const ids = [...doc.querySelectorAll("[id]")].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(text(doc.querySelector(".post-body strong"))).toBe("Jérémie Vallet, Directeur Adjoint de la DINUM");
  });
});

describe("seeds 002 and 003: the ministries' action plans", () => {
  it("publishes the publication at /publications/plans-action/ with its cards and side menu", () => {
    const doc = loadPage(seedPages.plansAction);
    expect(text(doc.querySelector("h1"))).toContain("Plans d’action des ministères");
    expect(doc.querySelectorAll("main .fr-card")).toHaveLength(13);
    const menu = doc.querySelector("nav.fr-sidemenu");
    expect(text(menu?.querySelector('.fr-sidemenu__title [aria-current="page"]'))).toContain("Plans d’action");
    expect([...(menu?.querySelectorAll(".fr-sidemenu__link") ?? [])].map((a) => a.getAttribute("href"))).toEqual([
      seedPages.plansActionAbout,
    ]);
  });

  it("places the about page under it, current item marked, breadcrumb from the tree", () => {
    const doc = loadPage(seedPages.plansActionAbout);
    const current = doc.querySelector('nav.fr-sidemenu .fr-sidemenu__link[aria-current="page"]');
    expect(text(current)).toBe("À propos");
    expect(current?.closest(".fr-sidemenu__item")?.classList.contains("fr-sidemenu__item--active")).toBe(true);
    expect(doc.querySelector(".fr-sidemenu__title a")?.getAttribute("href")).toBe(seedPages.plansAction);
    expect([...doc.querySelectorAll(".fr-breadcrumb__link")].map(text)).toEqual([
      "Accueil",
      "Publications",
      "Plans d’action des ministères pour la réduction de l’empreinte environnementale du numérique",
      "À propos",
    ]);
    // The current item is a link to the page itself, marked as such (DSFR), never an anchor without href.
    const here = doc.querySelector('.fr-breadcrumb__link[aria-current="page"]');
    expect(here?.getAttribute("href")).toBe(seedPages.plansActionAbout);
    expect(doc.querySelectorAll(".fr-breadcrumb a:not([href])")).toHaveLength(0);
  });

  it("lists the publication on the publications page, in the highlighted group", () => {
    const doc = loadPage("/publications/");
    const link = doc.querySelector(`.fr-card a[href="${seedPages.plansAction}"]`);
    expect(link).not.toBeNull();
    // The card shows the front matter's image, resized by the image pipeline (same 16:9 proportions as the 800×450 original).
    const img = link?.closest(".fr-card")?.querySelector("img");
    expect(img?.getAttribute("src")).toMatch(/^\/images\/[\w-]+-400\.png$/);
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["800", "450"]);
    expect(existsSync(path.join(builtSite, img!.getAttribute("src")!))).toBe(true);
  });
});

describe("seed 004: À propos with its Sommaire", () => {
  const doc = loadPage(seedPages.about);
  it("lists every h2 in a sticky Sommaire whose links resolve", () => {
    const summary = doc.querySelector("nav.fr-sidemenu.fr-sidemenu--sticky");
    const links = [...(summary?.querySelectorAll("a.fr-sidemenu__link") ?? [])];
    const headings = [...doc.querySelectorAll("main h2")].map(text);
    expect(links.map(text)).toEqual(headings);
    expect(links.map(text)).toEqual([
      "La MiNumEco, la mission interministérielle numérique écoresponsable",
      "Les pilotes de la mission",
      "L’équipe",
    ]);
    for (const link of links) {
      const id = link.getAttribute("href")!.slice(1);
      expect(doc.getElementById(id)?.tagName).toBe("H2");
    }
  });
});

describe("the video thumbnail and the home page", () => {
  it("shows the relative thumbnail on the news cards, at a published path", () => {
    const doc = loadPage("/ressources/videos/");
    const card = doc.querySelector(`.fr-card a[href="${seedPages.videoPost}"]`)?.closest(".fr-card");
    // SVGs pass through the image pipeline unchanged, under a content-hashed name.
    const src = card?.querySelector("img")?.getAttribute("src");
    expect(src).toMatch(/^\/images\/[\w-]+\.svg$/);
    expect(readFileSync(path.join(builtSite, src!), "utf8")).toBe(readFileSync("content/actualites/videos/site_video_jeremievallet.svg", "utf8"));
    expect(() => readPage("/actualites/videos/site_video_jeremievallet.svg")).toThrow(); // a file, not a page
  });
});
