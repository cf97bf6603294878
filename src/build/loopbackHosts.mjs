// The names a page on this machine reaches a local server by (the dev server, the web editor's backend).
// Any other Host header is a page of another site that had its domain resolve to 127.0.0.1 (DNS rebinding):
// both servers refuse it. Plain JavaScript: the dev-server patch, an installed package, imports it too.

/** @type {readonly string[]} */
export const loopbackNames = ["127.0.0.1", "localhost", "[::1]"];

/**
 * True when the Host header names this machine (or one of `extraNames`), whatever its port.
 * @param {string | string[] | undefined} header
 * @param {readonly string[]} [extraNames]
 */
export function isLoopbackHost(header, extraNames = []) {
  const value = String((Array.isArray(header) ? header[0] : header) ?? "").trim().toLowerCase();
  const name = value.startsWith("[") ? value.slice(0, value.indexOf("]") + 1) : value.replace(/:\d+$/, "");
  return loopbackNames.includes(name) || extraNames.includes(name);
}
