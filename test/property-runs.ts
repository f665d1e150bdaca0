/**
 * The options of a fast-check property: as many random cases as the test asks for, or — under
 * mutation testing, where `npm run mutation` sets SAMSPILL_PROPERTY_RUNS — at most that many, from a
 * fixed seed, so each mutant's run stays short and the score is the same from run to run.
 */
export function propertyRuns(numRuns: number): { numRuns: number; seed?: number } {
  const cap = Number(process.env.SAMSPILL_PROPERTY_RUNS);
  return cap > 0 ? { numRuns: Math.min(numRuns, cap), seed: 20261201 } : { numRuns };
}
