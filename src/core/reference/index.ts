import { MUNICIPALITY_ROWS } from "./municipalities.generated";
import { MEASURE_ROWS } from "./measures.generated";

export interface Municipality {
  number: string;
  name: string;
  countyNumber: string;
  county: string;
  population: number;
}

export interface County {
  number: string;
  name: string;
}

export interface Measure {
  area: string;
  measure: string;
  activity: string;
  responsibility: string;
}

export const MUNICIPALITIES: ReadonlyArray<Municipality> = MUNICIPALITY_ROWS.map(
  ([number, name, countyNumber, county, population]) => ({ number, name, countyNumber, county, population }),
);

const byNumber = new Map(MUNICIPALITIES.map((m) => [m.number, m]));

export function findMunicipality(number: string): Municipality | undefined {
  return byNumber.get(number);
}

export const COUNTIES: ReadonlyArray<County> = [
  ...new Map(MUNICIPALITIES.map((m) => [m.countyNumber, { number: m.countyNumber, name: m.county }])).values(),
].sort((a, b) => a.number.localeCompare(b.number));

export const MEASURES: ReadonlyArray<Measure> = MEASURE_ROWS.map(([area, measure, activity, responsibility]) => ({
  area,
  measure,
  activity,
  responsibility,
}));
