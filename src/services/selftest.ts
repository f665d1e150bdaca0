import { todayInOslo, TIME_ZONE } from "../core/dates";
import { sheetPlan, ValidationPlan } from "../core/plan";
import { Template } from "../core/schema/table";

/**
 * Selvtest: checks, on the real platform, every runtime assumption Samspill makes, and says in plain
 * bokmål what each result means and what to do. Written once over small ports; the Apps Script
 * plumbing is in adapters/apps-script/selftest.ts. Each check fails alone: one FEIL never stops the rest.
 */

export interface SelfTestCheck {
  id: string;
  title: string;
  ok: boolean;
  /** What the check shows (OK) or what goes wrong because of it (FEIL). */
  meaning: string;
  /** What to do; empty when OK. */
  action: string;
  /** What was seen, for whoever helps ("2025-03-12 og 2025-03-12"). */
  detail: string;
}

export interface SelfTestReport {
  ok: boolean;
  checks: SelfTestCheck[];
  /** ISO instant the test ran. */
  ranAt: string;
  seconds: number;
}

/** A temporary hidden tab the checks write in; the adapter removes it afterwards. */
export interface ScratchPort {
  /** Writes `text` into a cell formatted as plain text ("@"), flushes, and reads back value and formula. */
  writePlainText(text: string): { value: unknown; formula: string };
  /** Sets each number format on a cell, flushes, and reads the formats back in the same order. */
  numberFormats(): Array<{ format: string; readBack: string }>;
  /** Builds the data validation rules and puts them on cells; returns how many were read back. */
  validations(rules: ReadonlyArray<{ plan: ValidationPlan; help: string }>): number;
}

export interface SelfTestPorts {
  now(): Date;
  /** Today in Europe/Oslo as the platform says it (Utilities.formatDate(new Date(), "Europe/Oslo", "yyyy-MM-dd")). */
  platformOsloToday(): string;
  spreadsheetTimeZone(): string;
  /** Runs fn with a temporary hidden tab and removes the tab afterwards, also when fn throws. */
  withScratch<T>(fn: (scratch: ScratchPort) => T): T;
  /** Takes and releases the document (or script) lock; false when it could not be had. */
  lock(): boolean;
  /** The central script's extra services. */
  sentral?: {
    /** Calls the Sheets advanced service once (throws when it is not turned on). */
    sheetsService(): string;
    /** Creates a one-off trigger and deletes it again. */
    trigger(): void;
    mailQuota(): number;
    /** Reads the first active association of Foreninger and describes the result, e.g. "F0001: OK". */
    readOneAssociation(): { ok: boolean; detail: string };
  };
}

interface CheckText {
  title: string;
  ok: string;
  fail: string;
  action: string;
}

const TEXT: Record<string, CheckText> = {
  date: {
    title: "Dagens dato i norsk tid",
    ok: "Samspill regner ut samme dato som Google. Frister, rapportår og «forsinket» blir riktige.",
    fail: "Samspill og Google er uenige om hvilken dato det er i dag. Frister og rapportår kan bli feil med én dag.",
    action: "Ta kontakt med den som drifter Samspill og oppgi teksten under. Ikke send inn rapporten før dette er rettet.",
  },
  timeZone: {
    title: "Regnearkets tidssone",
    ok: "Regnearket står på norsk tid (Europe/Oslo). Datoer vises og lagres slik de er skrevet.",
    fail: "Regnearket står ikke på norsk tid. Samspill leser datoene riktig likevel, men klokkeslett og nye datoer kan vises annerledes enn du venter.",
    action: "Velg Fil → Innstillinger → Tidssone «(GMT+01:00) Oslo» og lagre. «Sett opp rapportmal» gjør det samme.",
  },
  plainText: {
    title: "Tekst som ligner en formel",
    ok: "Tekst som begynner med = blir lagret som tekst, ikke som formel.",
    fail: "Tekst som begynner med = blir gjort om til en formel. Verdier fra foreningene kan da bli regnet ut i stedet for å bli vist som de ble skrevet.",
    action: "Ta kontakt med den som drifter Samspill og oppgi teksten under.",
  },
  numberFormats: {
    title: "Tall- og datoformater",
    ok: "Alle formatene malen bruker, blir godtatt.",
    fail: "Google godtok ikke alle formatene malen bruker. Tall eller datoer kan vises feil.",
    action: "Ta kontakt med den som drifter Samspill og oppgi teksten under.",
  },
  validations: {
    title: "Nedtrekkslister og regler i cellene",
    ok: "Alle reglene for utfylling kan lages.",
    fail: "Noen regler for utfylling kunne ikke lages. «Sett opp rapportmal» vil feile.",
    action: "Ta kontakt med den som drifter Samspill og oppgi teksten under.",
  },
  lock: {
    title: "Lås mot samtidig lagring",
    ok: "To personer som lagrer samtidig, får begge sin rad.",
    fail: "Låsen som hindrer at to personer skriver over hverandre, virker ikke. Registrering av aktiviteter kan feile.",
    action: "Prøv igjen om et minutt. Hjelper ikke det, ta kontakt med den som drifter Samspill.",
  },
  sheetsService: {
    title: "Google Sheets-tjenesten (avansert tjeneste)",
    ok: "Innhentingen kan lese foreningenes regneark.",
    fail: "Den avanserte tjenesten Google Sheets er ikke slått på. «Hent inn og summer» kan ikke lese foreningene.",
    action: "Åpne Utvidelser → Apps Script → Tjenester (+) og legg til «Google Sheets API» med navnet Sheets. Eller send skriptet på nytt med npm run deploy:sentral.",
  },
  trigger: {
    title: "Automatisk fortsettelse",
    ok: "Samspill kan sette opp en utløser som fortsetter lange innhentinger av seg selv.",
    fail: "Samspill fikk ikke lage en utløser. Innhentinger som tar mer enn 6 minutter, blir ikke ferdige.",
    action: "Kjør «Start Samspill» og godta tilgangene på nytt. Sjekk også at du ikke har mer enn 20 utløsere (Apps Script → Utløsere).",
  },
  mailQuota: {
    title: "E-postkvote",
    ok: "Det kan sendes påminnelser i dag.",
    fail: "Dagens kvote for e-post er brukt opp, eller kan ikke leses. Påminnelser kan ikke sendes før i morgen.",
    action: "Vent til i morgen med «Send påminnelser».",
  },
  association: {
    title: "Lese en registrert forening",
    ok: "Samspill kan lese regnearket til en forening i Foreninger.",
    fail: "Samspill kunne ikke lese regnearket til den første aktive foreningen i Foreninger.",
    action: "Sjekk at lenken i Regneark-kolonnen er riktig, og at du har tilgang til regnearket.",
  },
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function check(id: keyof typeof TEXT, probe: () => { ok: boolean; detail: string }): SelfTestCheck {
  const text = TEXT[id];
  let result: { ok: boolean; detail: string };
  try {
    result = probe();
  } catch (error) {
    result = { ok: false, detail: errorText(error) };
  }
  return { id, title: text.title, ok: result.ok, meaning: result.ok ? text.ok : text.fail, action: result.ok ? "" : text.action, detail: result.detail };
}

/** Every data validation rule the templates put on cells, with its help text. */
export function templateValidations(templates: ReadonlyArray<Template<any>>): Array<{ plan: ValidationPlan; help: string }> {
  return templates.flatMap((template) => sheetPlan(template).columns.flatMap((c) => (c.validation ? [{ plan: c.validation, help: c.note }] : [])));
}

const FORMULA_TEXT = "=1+1";

export function runSelfTest(ports: SelfTestPorts, templates: ReadonlyArray<Template<any>>): SelfTestReport {
  const started = ports.now();
  const checks: SelfTestCheck[] = [];
  checks.push(
    check("date", () => {
      const ours = todayInOslo(ports.now());
      const platform = ports.platformOsloToday();
      return { ok: ours === platform, detail: `Samspill: ${ours ?? "ukjent"}, Google: ${platform}` };
    }),
  );
  checks.push(
    check("timeZone", () => {
      const zone = ports.spreadsheetTimeZone();
      return { ok: zone === TIME_ZONE, detail: `Tidssone: ${zone}` };
    }),
  );
  const scratchChecks: SelfTestCheck[] = [];
  try {
    ports.withScratch((scratch) => {
      scratchChecks.push(
        check("plainText", () => {
          const { value, formula } = scratch.writePlainText(FORMULA_TEXT);
          return { ok: value === FORMULA_TEXT && !formula, detail: `Skrev «${FORMULA_TEXT}», leste «${String(value)}»${formula ? ` (formel ${formula})` : ""}` };
        }),
      );
      scratchChecks.push(
        check("numberFormats", () => {
          const formats = scratch.numberFormats();
          const wrong = formats.filter((f) => f.readBack !== f.format);
          return { ok: wrong.length === 0, detail: wrong.length ? wrong.map((f) => `«${f.format}» ble «${f.readBack}»`).join(", ") : `${formats.length} formater godtatt` };
        }),
      );
      scratchChecks.push(
        check("validations", () => {
          const rules = templateValidations(templates);
          const made = scratch.validations(rules);
          return { ok: made === rules.length, detail: `${made} av ${rules.length} regler laget` };
        }),
      );
    });
  } catch (error) {
    // The temporary tab could not be made (or removed): say so on every check that needed it.
    for (const id of ["plainText", "numberFormats", "validations"] as const) {
      if (!scratchChecks.some((c) => c.id === id)) scratchChecks.push(check(id, () => ({ ok: false, detail: `Fikk ikke lage en midlertidig fane: ${errorText(error)}` })));
    }
    if (scratchChecks.every((c) => c.ok)) scratchChecks.push(check("validations", () => ({ ok: false, detail: `Den midlertidige fanen ble ikke fjernet: ${errorText(error)}` })));
  }
  checks.push(...scratchChecks);
  checks.push(check("lock", () => ({ ok: ports.lock(), detail: "" })));
  const sentral = ports.sentral;
  if (sentral) {
    checks.push(check("sheetsService", () => ({ ok: true, detail: sentral.sheetsService() })));
    checks.push(
      check("trigger", () => {
        sentral.trigger();
        return { ok: true, detail: "Utløser laget og slettet" };
      }),
    );
    checks.push(
      check("mailQuota", () => {
        const left = sentral.mailQuota();
        return { ok: left > 0, detail: `${left} e-poster igjen i dag` };
      }),
    );
    checks.push(check("association", () => sentral.readOneAssociation()));
  }
  const finished = ports.now();
  return { ok: checks.every((c) => c.ok), checks, ranAt: finished.toISOString(), seconds: Math.round((finished.getTime() - started.getTime()) / 100) / 10 };
}
