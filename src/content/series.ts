interface SeriesItem {
  inputPath: string;
  url: string;
  date: Date;
  data: { title?: string; series?: string };
}

export interface SeriesLinks {
  previous?: { title: string; url: string };
  next?: { title: string; url: string };
}

/** Previous and next episode of every post that belongs to a series (by date, oldest first), in one pass. */
export function seriesLinksByPage(posts: SeriesItem[]): Map<string, SeriesLinks> {
  const bySeries = new Map<string, SeriesItem[]>();
  for (const post of posts) {
    const series = post.data.series;
    if (series) bySeries.set(series, [...(bySeries.get(series) ?? []), post]);
  }
  const links = new Map<string, SeriesLinks>();
  const link = (post: SeriesItem | undefined) => (post ? { title: post.data.title ?? "", url: post.url } : undefined);
  for (const episodes of bySeries.values()) {
    episodes.sort((a, b) => a.date.getTime() - b.date.getTime() || a.inputPath.localeCompare(b.inputPath));
    episodes.forEach((post, index) => links.set(post.inputPath, { previous: link(episodes[index - 1]), next: link(episodes[index + 1]) }));
  }
  return links;
}

/** Previous and next episodes of the page's series. */
export function seriesNeighbours(posts: SeriesItem[], inputPath: string): SeriesLinks {
  return seriesLinksByPage(posts).get(inputPath) ?? {};
}
