import { InvalidArgumentError } from "commander";

/** `--year 2025` → 2025; anything else is refused with a Norwegian message. */
export function parseYear(value: string): number {
  const year = Number(value.trim());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InvalidArgumentError(`«${value}» er ikke et årstall mellom 2000 og 2100.`);
  return year;
}
