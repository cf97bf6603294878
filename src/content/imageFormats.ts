/**
 * The formats every raster image is also encoded in, lightest first; the original format follows as the fallback.
 * Shared by the build (which encodes them) and the search page (which reads their thumbnails back from Pagefind).
 */
export const lighterImageFormats = ["avif", "webp"] as const;
