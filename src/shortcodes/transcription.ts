import { escapeHtml } from "../content/html.ts";

export const defaultTranscriptionTitle = "Transcription de la vidéo";

/**
 * DSFR transcription: a collapsible text with an "Agrandir" modal.
 * `id` must be unique on the page (several transcriptions can follow one another).
 */
export function transcription(content: string, title: unknown, id: string): string {
  const heading = typeof title === "string" && title.trim() ? title.trim() : defaultTranscriptionTitle;
  const collapseId = `${id}-contenu`;
  const modalId = `${id}-modale`;
  return `<div class="fr-transcription">
<button type="button" class="fr-transcription__btn" aria-expanded="false" aria-controls="${collapseId}">Transcription<span class="fr-sr-only"> : ${escapeHtml(heading)}</span></button>
<div class="fr-collapse" id="${collapseId}">
<div class="fr-transcription__footer">
<div class="fr-transcription__actions-group">
<button type="button" class="fr-btn--fullscreen fr-btn" aria-controls="${modalId}" data-fr-opened="false" title="Agrandir la transcription">Agrandir</button>
</div>
</div>
<dialog id="${modalId}" class="fr-modal" aria-labelledby="${modalId}-titre">
<div class="fr-container fr-container--fluid fr-container-md">
<div class="fr-grid-row fr-grid-row--center">
<div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
<div class="fr-modal__body">
<div class="fr-modal__header">
<button type="button" class="fr-btn--close fr-btn" aria-controls="${modalId}" title="Fermer la transcription">Fermer</button>
</div>
<div class="fr-modal__content">
<p id="${modalId}-titre" class="fr-modal__title">${escapeHtml(heading)}</p>
${content.trim()}
</div>
</div>
</div>
</div>
</div>
</dialog>
</div>
</div>`;
}
