import { formatNumber } from "./wording";

/**
 * A rollup run for the wrong year: when most associations whose Rapportår could be read report
 * another year than the rollup's, say which year that is (in Norwegian), so `rollup --year 2019`
 * over 2025 files does not pass as «454 rader avvist» alone. Undefined when the year looks right.
 */
export function yearMismatch(results: ReadonlyArray<{ reportedYear?: number }>, year: number): { year: number; associations: number; of: number; message: string } | undefined {
  const years = results.map((r) => r.reportedYear).filter((y): y is number => y !== undefined);
  const other = years.filter((y) => y !== year);
  if (years.length === 0 || other.length * 2 <= years.length) return undefined;
  const counts = new Map<number, number>();
  for (const y of other) counts.set(y, (counts.get(y) ?? 0) + 1);
  const [likely, n] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return {
    year: likely,
    associations: n,
    of: years.length,
    message: `Innsamlingen gjelder ${year}, men ${formatNumber(n)} av ${formatNumber(years.length)} foreninger har Rapportår ${likely} i Årsrapport, så radene deres er avvist. Var det ${likely} du mente? Kjør på nytt med --year ${likely}, eller rett Rapportår i Oppsett.`,
  };
}
