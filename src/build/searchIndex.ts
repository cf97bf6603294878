import path from "node:path";
import * as pagefind from "pagefind";

/** Pagefind's index of a built site, into its /pagefind/ folder. Resolves to the number of pages indexed. */
export async function indexSite(output: string): Promise<number> {
  const folder = path.resolve(output);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Index de recherche : ${errors.join(" ; ")}`);
  const added = await index.addDirectory({ path: folder });
  if (added.errors.length) throw new Error(`Index de recherche : ${added.errors.join(" ; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(folder, "pagefind") });
  if (written.errors.length) throw new Error(`Index de recherche : ${written.errors.join(" ; ")}`);
  await pagefind.close();
  return added.page_count;
}
