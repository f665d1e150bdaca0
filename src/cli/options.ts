import { InvalidArgumentError } from "commander";

/** `--year 2025` → 2025; anything else is refused with a Norwegian message. */
export function parseYear(value: string): number {
  const year = Number(value.trim());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InvalidArgumentError(`«${value}» er ikke et årstall mellom 2000 og 2100.`);
  return year;
}

/** A validate argument that is not a local file: a spreadsheet URL or a bare spreadsheet ID. */
export function looksLikeSpreadsheet(argument: string): boolean {
  if (/docs\.google\.com\/spreadsheets\/d\//.test(argument)) return true;
  return /^[a-zA-Z0-9_-]{20,}$/.test(argument) && !/\.xlsx$/i.test(argument);
}
