import { escapeAttribute, escapeHtml } from "../content/html.ts";

/**
 * A video that loads nothing from Dailymotion until the visitor asks for it (no iframe, no thumbnail).
 * The client script `video-consent` swaps the placeholder for the player on click or Enter.
 * `poster`: the post's own image, from the site, shown behind the notice (nothing asked of Dailymotion either).
 */
export function dailymotion(videoId: unknown, title?: unknown, poster?: string): string {
  if (typeof videoId !== "string" || !/^[a-zA-Z0-9]+$/.test(videoId)) {
    throw new Error(
      `dailymotion : identifiant de vidéo invalide (${JSON.stringify(videoId)}). Écrivez {% dailymotion "x9h51js" %} avec l'identifiant qui suit /video/ dans l'adresse Dailymotion.`,
    );
  }
  const videoTitle = typeof title === "string" && title.trim() ? title.trim() : "Vidéo";
  return `<div class="fr-content-media video-consent" data-video-provider="dailymotion" data-video-id="${videoId}" data-video-title="${escapeAttribute(videoTitle)}">
<div class="fr-responsive-vid video-consent__frame${poster ? " video-consent__frame--poster" : ""}">
${poster ? `<img class="video-consent__poster" src="${escapeAttribute(poster)}" alt="" loading="lazy" decoding="async">
` : ""}<div class="video-consent__placeholder">
<p class="video-consent__notice">Vidéo hébergée par Dailymotion : rien n'en est chargé avant que vous lanciez la lecture ; ensuite, Dailymotion peut déposer des cookies.</p>
<button type="button" class="fr-btn video-consent__play" hidden>Lire la vidéo<span class="fr-sr-only"> : ${escapeHtml(videoTitle)}</span></button>
<p class="video-consent__nojs fr-text--sm">La lecture de la vidéo nécessite JavaScript. La transcription ci-dessous en reprend le contenu.</p>
</div>
</div>
</div>`;
}
