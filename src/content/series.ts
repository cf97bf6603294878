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

/** Previous and next episodes of the page's series, by date (oldest episode first). */
export function seriesNeighbours(posts: SeriesItem[], inputPath: string): SeriesLinks {
  const current = posts.find((post) => post.inputPath === inputPath);
  const series = current?.data.series;
  if (!series) return {};
  const episodes = posts
    .filter((post) => post.data.series === series)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.inputPath.localeCompare(b.inputPath));
  const index = episodes.findIndex((post) => post.inputPath === inputPath);
  const link = (post: SeriesItem | undefined) => (post ? { title: post.data.title ?? "", url: post.url } : undefined);
  return { previous: link(episodes[index - 1]), next: link(episodes[index + 1]) };
}
