/** One measured figure in bench/results.json (SPEC "Budgets"). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the figure means or how it was measured (optional, for people reading the file). */
  note?: string;
  /** When the figure was measured, when not by this bench run (e.g. the last mutation run). */
  measuredAt?: string;
}

/** A bench module: `bench/<area>.bench.ts` exporting `figures()`; bench/run.ts finds them all. */
export type BenchModule = { figures: () => Promise<Figure[]> };
