/**
 * EcoIndex as published by GreenIT (ecoindex.fr): a score out of 100 from the DOM size, the number of requests
 * and the transferred size (KB), each placed among the quantiles of the HTTP Archive, weighted 3, 2 and 1.
 */
const quantiles = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  sizeKb: [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26],
};

function quantile(values: number[], value: number): number {
  for (let i = 1; i < values.length; i++) {
    if (value < values[i]!) return i - 1 + (value - values[i - 1]!) / (values[i]! - values[i - 1]!);
  }
  return values.length - 1;
}

export function ecoIndexScore(domElements: number, requests: number, sizeKb: number): number {
  const q = 3 * quantile(quantiles.dom, domElements) + 2 * quantile(quantiles.requests, requests) + quantile(quantiles.sizeKb, sizeKb);
  return Math.round((100 - (5 * q) / 6) * 10) / 10;
}

export function ecoIndexGrade(score: number): string {
  const grades: [number, string][] = [[80, "A"], [70, "B"], [55, "C"], [40, "D"], [25, "E"], [10, "F"]];
  return grades.find(([threshold]) => score > threshold)?.[1] ?? "G";
}
