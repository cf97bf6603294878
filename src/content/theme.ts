/**
 * Applies the reader's saved theme (DSFR's display settings keep it in localStorage), or the system's, before
 * the first paint: a dark-mode reader never sees a white flash. Inline in every page's head, and the dev server's error page.
 */
export const savedThemeScript =
  'try{var s=localStorage.getItem("scheme");if(s==="dark"||(s!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches)){document.documentElement.setAttribute("data-fr-theme","dark")}}catch(e){}';
