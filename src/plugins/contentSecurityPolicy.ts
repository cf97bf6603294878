import type { EleventyConfig } from "../eleventy-types.ts";
import { contentSecurityPolicy } from "../content/csp.ts";

/**
 * Every HTML page gets its Content-Security-Policy as the first thing after its charset, before any script:
 * worked out from the page as written, so it runs after every transform that changes the page (players, images)
 * and before the one that turns it into bytes.
 */
export default function contentSecurityPolicyPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTransform("content-security-policy", function (this: { page: { outputPath: string | false } }, content: string) {
    if (typeof content !== "string" || typeof this.page.outputPath !== "string" || !this.page.outputPath.endsWith(".html")) return content;
    const charset = content.indexOf('<meta charset="utf-8">');
    // A page whose head states its own policy (the editor at /admin/, from its template) keeps it; content
    // cannot write in the head, and a policy in the body is one browsers ignore.
    if (charset < 0 || content.slice(0, content.indexOf("</head>")).includes('http-equiv="Content-Security-Policy"')) return content;
    const at = charset + '<meta charset="utf-8">'.length;
    return `${content.slice(0, at)}\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(content)}">${content.slice(at)}`;
  });
}
