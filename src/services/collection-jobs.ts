import { todayInOslo } from "../core/dates";
import { SentralApi } from "../ui/api-types";
import { Workbook } from "../workbook/workbook";
import { collectionRows, countStatuses } from "./collection-status";
import { errorText } from "./key-value";
import type { KeyValueStore, Lock } from "./ports";
import { Mailer, planReminders, recordSent, ReminderContext, sentToday } from "./reminders";
import { readCentral } from "./rollup";
import { loadLastRun, loadState } from "./rollup-job";

export interface CollectionDeps {
  central: Workbook;
  properties: KeyValueStore;
  mail: Mailer;
  now: () => Date;
  /** Keeps two sendReminders calls (a double click) from mailing the same association twice. */
  lock?: Lock;
}

/**
 * «Innsamlingsstatus» and «Send påminnelser»: the collection's state from the central spreadsheet and
 * the last rollup, and reminders mailed once per association, deadline and day within the mail quota.
 */
export function collectionJobs(deps: CollectionDeps): SentralApi {
  const inputsNow = () => {
    const today = todayInOslo(deps.now());
    return { today, inputs: readCentral(deps.central, today) };
  };
  const context = (): ReminderContext & { inputs: ReturnType<typeof readCentral> } => {
    const { today, inputs } = inputsNow();
    return {
      today,
      inputs,
      organisation: inputs.settings.organisation ?? "",
      year: inputs.settings.year ?? Number(today.slice(0, 4)) - 1,
      deadline: inputs.settings.deadline ?? "",
    };
  };
  const plan = () => {
    const c = context();
    const rows = collectionRows(deps.central, c.inputs.associations);
    return { c, reminders: planReminders(c.inputs.associations, rows, c, sentToday(deps.properties, c)) };
  };

  return {
    getCollectionStatus() {
      const { today, inputs } = inputsNow();
      const rows = collectionRows(deps.central, inputs.associations);
      const state = loadState(deps.properties);
      return {
        year: state?.year ?? inputs.settings.year ?? Number(today.slice(0, 4)) - 1,
        deadline: inputs.settings.deadline ?? "",
        counts: countStatuses(rows),
        rows,
        lastRun: loadLastRun(deps.properties)?.finishedAt ?? "",
        running: state !== undefined,
      };
    },

    previewReminders() {
      const { c, reminders } = plan();
      return { deadline: c.deadline, reminders };
    },

    sendReminders() {
      if (deps.lock && !deps.lock.tryLock(10_000))
        return {
          sent: 0,
          skipped: 0,
          message: "Påminnelser sendes allerede fra et annet vindu. Prøv igjen om litt.",
        };
      try {
        const { c, reminders } = plan();
        const sent = sentToday(deps.properties, c);
        let quota = deps.mail.remainingDailyQuota();
        let count = 0;
        let skipped = 0;
        const failures: string[] = [];
        for (const r of reminders) {
          if (r.skip) {
            skipped++;
            continue;
          }
          if (quota <= 0) {
            skipped++;
            continue;
          }
          try {
            deps.mail.send({ to: r.to, subject: r.subject, body: r.body });
            sent.add(r.associationId);
            count++;
            quota--;
            if (count % 10 === 0) recordSent(deps.properties, c, sent);
          } catch (error) {
            failures.push(`${r.association}: ${errorText(error)}`);
          }
        }
        recordSent(deps.properties, c, sent);
        const parts = [`Sendte ${count} påminnelser.`];
        if (skipped) parts.push(`${skipped} hoppet over.`);
        if (quota <= 0 && reminders.some((r) => !r.skip && !sent.has(r.associationId)))
          parts.push("Dagskvoten for e-post er brukt opp; resten kan sendes i morgen.");
        if (failures.length) parts.push(`Kunne ikke sende til: ${failures.join("; ")}.`);
        return { sent: count, skipped: skipped + failures.length, message: parts.join(" ") };
      } finally {
        deps.lock?.release();
      }
    },
  };
}
