import { readdirSync } from "node:fs";
import path from "node:path";
import { escapeHtml } from "../content/html.ts";
import { describeBuildError } from "./errors.ts";
import { savedThemeScript } from "../content/theme.ts";

/** The site's stylesheet as last written in the output folder, if any: the error page wears the site's DSFR. */
function stylesheetIn(output: string): string | undefined {
  try {
    const file = readdirSync(path.join(output, "assets")).find((name) => /^styles-.+\.css$/.test(name));
    return file ? `/assets/${file}` : undefined;
  } catch {
    return undefined;
  }
}

// While no site is served (the first build failed), the page asks every second whether the site is back.
const waitForTheSite = `<script>setInterval(() => fetch(location.href, { cache: "no-store" }).then((r) => r.ok && location.reload(), () => {}), 1000);</script>`;

/**
 * What the dev server shows in place of any page while the site does not build: the French message (file,
 * line, field, fix) in a DSFR error alert, instead of a stale page. The next good save replaces it.
 */
export function devErrorPage(error: unknown, output: string, { waitForSite = false } = {}): string {
  const stylesheet = stylesheetIn(output);
  return `<!DOCTYPE html>
<html lang="fr" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Le site ne se construit pas – aperçu</title>
${stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : ""}
<script>${savedThemeScript}</script>
<style>.apercu-erreur{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem;line-height:1.5rem}</style>
</head>
<body>
<main class="fr-container fr-my-6w" id="contenu">
<div class="fr-alert fr-alert--error">
<h1 class="fr-alert__title">Le site ne se construit pas</h1>
<p>Corrigez ce qui est indiqué ci-dessous et enregistrez le fichier : cette page laisse place au site d'elle-même.</p>
</div>
<pre class="apercu-erreur fr-mt-4w">${escapeHtml(describeBuildError(error))}</pre>
</main>
${waitForSite ? waitForTheSite : ""}
</body>
</html>
`;
}
