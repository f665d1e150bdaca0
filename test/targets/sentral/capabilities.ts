import { MemoryWorkbook } from "../../../src/adapters/memory/memory-workbook";
import { AssociationFiles } from "../../../src/targets/sentral/new-association";
import { ViewFiles } from "../../../src/targets/sentral/partner-views";
import { Mailer, MailMessage } from "../../../src/targets/sentral/reminders";

/** Drive in memory: spreadsheets by ID with their viewers and editors. */
export function memoryDrive() {
  const files = new Map<
    string,
    { title: string; workbook: MemoryWorkbook; viewers: Set<string>; editors: Set<string> }
  >();
  let next = 1;
  const create = (title: string, firstTab?: string) => {
    const id = `view-${next++}`;
    const workbook = new MemoryWorkbook(firstTab ? { [firstTab]: [] } : {});
    files.set(id, { title, workbook, viewers: new Set(), editors: new Set() });
    return { id, url: `https://docs.google.com/spreadsheets/d/${id}/edit`, workbook };
  };
  const views: ViewFiles = {
    open: (id) => files.get(id)?.workbook,
    create,
    viewers: (id) => [...(files.get(id)?.viewers ?? [])],
    addViewers: (id, emails) => emails.forEach((e) => files.get(id)!.viewers.add(e)),
    removeViewer: (id, email) => void files.get(id)?.viewers.delete(email),
  };
  const associations: AssociationFiles = {
    create,
    addEditors: (id, emails) => emails.forEach((e) => files.get(id)!.editors.add(e)),
  };
  return { files, views, associations };
}

export function memoryMailer(quota = 100): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: (message) => void sent.push(message),
    remainingDailyQuota: () => quota - sent.length,
  };
}
