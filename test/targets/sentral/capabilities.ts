import { MemoryWorkbook } from "../../../src/adapters/memory/memory-workbook";
import { AssociationFiles } from "../../../src/services/new-association";
import { grid } from "../../../src/core/output-table";
import { ViewFiles } from "../../../src/services/ports";
import { Mailer, MailMessage } from "../../../src/services/reminders";

/**
 * Drive in memory: spreadsheets by ID with their title, viewers and editors. `refuse` lists addresses
 * Google will not share with (like a non-Google address makes addViewer fail); `log` records each
 * port call in order, so a test can cut a run off at any step.
 */
export function memoryDrive(options: { refuse?: ReadonlySet<string>; copyFails?: boolean } = {}) {
  const files = new Map<
    string,
    { title: string; workbook: MemoryWorkbook; viewers: Set<string>; editors: Set<string> }
  >();
  const log: string[] = [];
  let next = 1;
  const create = (title: string, firstTab?: string) => {
    const id = `view-${next++}`;
    const workbook = new MemoryWorkbook(firstTab ? { [firstTab]: [] } : {});
    files.set(id, { title, workbook, viewers: new Set(), editors: new Set() });
    return { id, url: `https://docs.google.com/spreadsheets/d/${id}/edit`, workbook };
  };
  const file = (id: string) => {
    const f = files.get(id);
    if (!f) throw new Error("regnearket finnes ikke lenger");
    return f;
  };
  const views: ViewFiles = {
    exists: (id) => (log.push(`exists ${id}`), files.has(id)),
    create: (number, title) => (log.push(`create ${number}`), create(title).id),
    write: (id, tables) => {
      log.push(`write ${id}`);
      for (const t of tables) file(id).workbook.write(t.name, grid(t), t.formats);
    },
    readers: (id) => (log.push(`readers ${id}`), [...file(id).viewers]),
    share: (id, email) => {
      log.push(`share ${id} ${email}`);
      if (options.refuse?.has(email)) throw new Error("Google godtok ikke adressen (er den knyttet til en Google-konto?)");
      file(id).viewers.add(email);
    },
    unshare: (id, email) => void (log.push(`unshare ${id} ${email}`), file(id).viewers.delete(email)),
  };
  const associations: AssociationFiles = {
    create,
    // A copy of a file in this drive, workbook and all (options.copyFails: the template cannot be opened).
    copy: (templateId, title) => {
      const template = files.get(templateId);
      if (!template || options.copyFails) throw new Error("Requested entity was not found.");
      const copy = create(title);
      for (const name of template.workbook.sheetNames()) copy.workbook.write(name, template.workbook.read(name) ?? []);
      return copy;
    },
    addEditors: (id, emails) => emails.forEach((e) => files.get(id)!.editors.add(e)),
    discard: (id) => void files.delete(id),
  };
  return { files, views, associations, log };
}

export function memoryMailer(quota = 100): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: (message) => void sent.push(message),
    remainingDailyQuota: () => quota - sent.length,
  };
}
