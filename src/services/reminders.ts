import { RegistryAssociation } from "../core/central-inputs";
import { IsoDate, norwegianDate } from "../core/dates";
import { ReminderDto } from "../ui/api-types";
import { CollectionRowDto } from "../ui/api-types";
import { NOT_COLLECTED } from "./collection-status";
import { fingerprint, PROPERTY_VALUE_LIMIT } from "./key-value";
import type { KeyValueStore } from "./ports";

/**
 * "Send påminnelser": who gets what, and the record that keeps an association from being mailed
 * twice for the same deadline on one day. The record lives in DocumentProperties under keys
 * "samspill.reminders|<day>|<deadline hash>|<n>", each value a JSON list of association IDs kept
 * under 8,000 characters (the limit is 9 KB per value); earlier days' keys are deleted.
 */

export interface ReminderContext {
  organisation: string;
  year: number;
  deadline: IsoDate | "";
  today: IsoDate;
}

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  send(message: MailMessage): void;
  /** MailApp.getRemainingDailyQuota(). */
  remainingDailyQuota(): number;
}

const PREFIX = "samspill.reminders|";

function reason(row: CollectionRowDto | undefined): string {
  switch (row?.status ?? NOT_COLLECTED) {
    case "Ikke sendt inn":
      return "Rapporten er ikke sendt inn ennå.";
    case "Med avvik":
      return `Rapporten har ${row?.errors ?? 0} feil som må rettes før den telles med. Velg Samspill > Kontroller rapporten for å se dem.`;
    case "Mangler tilgang":
      return "Sentralleddet har ikke tilgang til regnearket deres. Del regnearket med sentralleddet.";
    case "Finnes ikke":
      return "Vi finner ikke regnearket på adressen vi har registrert. Gi oss beskjed om riktig adresse.";
    case "Kan ikke leses":
      return "Vi får ikke åpnet regnearket deres. Lagre det som en Excel-fil (.xlsx) eller et Google-regneark og gi oss beskjed.";
    default:
      return "Vi har ikke mottatt rapporten ennå.";
  }
}

export function spreadsheetUrl(reference: string): string {
  return /^https?:\/\//.test(reference)
    ? reference
    : `https://docs.google.com/spreadsheets/d/${reference}/edit`;
}

export function reminderText(
  association: RegistryAssociation,
  row: CollectionRowDto | undefined,
  context: ReminderContext,
): { subject: string; body: string; reason: string } {
  const deadline = context.deadline ? norwegianDate(context.deadline) : "";
  const why = reason(row);
  const subject = `Påminnelse: årsrapport ${context.year} for ${association.name}${deadline ? ` – frist ${deadline}` : ""}`;
  const body = [
    "Hei!",
    "",
    `Dette er en påminnelse fra ${context.organisation || "sentralleddet"} om årsrapporten for ${context.year} fra ${association.name}.`,
    why,
    deadline ? `Fristen for innsending er ${deadline}.` : "",
    "",
    `Regnearket deres: ${spreadsheetUrl(association.spreadsheet)}`,
    "Når alt er fylt ut: velg Samspill > Kontroller rapporten, og deretter Samspill > Send inn rapporten.",
    "",
    "Vennlig hilsen",
    context.organisation || "Sentralleddet",
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
  return { subject, body, reason: why };
}

function deadlineKey(deadline: string): string {
  return fingerprint(deadline || "uten-frist");
}

export function sentToday(store: KeyValueStore, context: ReminderContext): Set<string> {
  const prefix = `${PREFIX}${context.today}|${deadlineKey(context.deadline)}|`;
  const ids = new Set<string>();
  for (const key of store.keys()) {
    if (!key.startsWith(prefix)) continue;
    try {
      for (const id of JSON.parse(store.get(key) ?? "[]") as string[]) ids.add(id);
    } catch {
      // ignore a damaged record
    }
  }
  return ids;
}

/** Saves today's sent IDs for this deadline in values under the size limit; drops other days. */
export function recordSent(store: KeyValueStore, context: ReminderContext, ids: ReadonlySet<string>): void {
  const prefix = `${PREFIX}${context.today}|${deadlineKey(context.deadline)}|`;
  for (const key of store.keys()) {
    if (key.startsWith(PREFIX) && !key.startsWith(`${PREFIX}${context.today}|`)) store.delete(key);
    else if (key.startsWith(prefix)) store.delete(key);
  }
  let chunk: string[] = [];
  let size = 2;
  let n = 0;
  const flush = () => {
    if (chunk.length) store.set(`${prefix}${n++}`, JSON.stringify(chunk));
    chunk = [];
    size = 2;
  };
  for (const id of [...ids].sort()) {
    const cost = JSON.stringify(id).length + 1;
    if (size + cost > PROPERTY_VALUE_LIMIT) flush();
    chunk.push(id);
    size += cost;
  }
  flush();
}

export function planReminders(
  associations: ReadonlyArray<RegistryAssociation>,
  rows: ReadonlyArray<CollectionRowDto>,
  context: ReminderContext,
  alreadySent: ReadonlySet<string>,
): ReminderDto[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reminders: ReminderDto[] = [];
  for (const association of associations) {
    const row = byId.get(association.id);
    if (row?.status === "OK") continue;
    const text = reminderText(association, row, context);
    const to = association.contactEmail ?? "";
    let skip = false;
    let why = text.reason;
    if (!to) {
      skip = true;
      why = "Hoppes over: Kontakt e-post mangler i Foreninger.";
    } else if (alreadySent.has(association.id)) {
      skip = true;
      why = "Hoppes over: fikk påminnelse om samme frist i dag.";
    }
    reminders.push({
      associationId: association.id,
      association: association.name,
      to,
      subject: text.subject,
      body: text.body,
      reason: why,
      skip,
    });
  }
  return reminders;
}
