import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { dailymotion } from "../../src/shortcodes/dailymotion.ts";
import { transcription, defaultTranscriptionTitle } from "../../src/shortcodes/transcription.ts";

describe("dailymotion", () => {
  it("renders a placeholder that names no Dailymotion URL", () => {
    const html = dailymotion("x9h51js", "Épisode 12");
    expect(html).not.toMatch(/dailymotion\.com|<iframe|<img/);
    const { document } = parseHTML(html);
    const container = document.querySelector(".video-consent");
    expect(container?.getAttribute("data-video-id")).toBe("x9h51js");
    expect(container?.getAttribute("data-video-title")).toBe("Épisode 12");
    expect(document.querySelector("button.video-consent__play")?.textContent).toContain("Lire la vidéo");
  });

  it("refuses an id that is not one", () => {
    expect(() => dailymotion('x9"><script>')).toThrow(/identifiant de vidéo invalide/);
    expect(() => dailymotion(undefined)).toThrow(/dailymotion/);
  });
});

describe("transcription", () => {
  it("uses the given id for the collapse and the modal", () => {
    const { document } = parseHTML(transcription("<p>Texte</p>", "Jérémie Vallet", "transcription-2"));
    const button = document.querySelector(".fr-transcription__btn");
    const collapse = document.getElementById(button!.getAttribute("aria-controls")!);
    expect(collapse?.id).toBe("transcription-2-contenu");
    expect(document.querySelector("dialog")?.id).toBe("transcription-2-modale");
    expect(document.querySelector(".fr-modal__title")?.textContent).toBe("Jérémie Vallet");
  });

  it("falls back to a sensible title, never undefined", () => {
    const html = transcription("<p>Texte</p>", undefined, "t-1");
    expect(html).toContain(defaultTranscriptionTitle);
    expect(html).not.toContain("undefined");
  });
});
