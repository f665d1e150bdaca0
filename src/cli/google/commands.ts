import { Command, InvalidArgumentError } from "commander";
import { GoogleOptions } from "./google-mode";

/** A whole number within bounds, refused in Norwegian otherwise. */
function wholeNumber(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} må være et helt tall mellom ${min} og ${max}, ikke «${value}».`);
    return n;
  };
}

/** The options every Google-mode command shares: credentials, quota, and the API root. */
export function addGoogleOptions(command: Command): Command {
  return command
    .option("--credentials <FILE>", "Google: nøkkelfil (JSON) for en tjenestekonto; uten den brukes standardpålogging (ADC)")
    .option("--rate <N>", "Google: høyst N forespørsler per minutt (standard 60, Sheets-kvoten per bruker)", wholeNumber("--rate", 1, 100_000))
    .option("--concurrency <N>", "Google: høyst N forespørsler samtidig (standard 8)", wholeNumber("--concurrency", 1, 64))
    .option("--api-root <URL>", "Google: send alle kall til denne adressen i stedet for Googles egne (en proxy eller et privat endepunkt)");
}

export function googleOptionsOf(options: GoogleOptions): GoogleOptions {
  return { credentials: options.credentials, apiRoot: options.apiRoot, rate: options.rate, concurrency: options.concurrency };
}
