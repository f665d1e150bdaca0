import { IsoDate } from "./dates";

/** What reading a sheet depends on besides its cells: the report year and today's date. */
export interface ReadContext {
  /** The report year (dates in Aktiviteter must fall inside it). */
  year: number;
  /** Today in Europe/Oslo, passed in so that results never depend on a hidden clock. */
  today: IsoDate;
}
