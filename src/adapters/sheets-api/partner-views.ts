import { GoogleClients } from "./clients";
import { classifyGoogleError } from "./errors";

/**
 * Partner views through Drive v3, within the `drive.file` scope: Samspill only creates, shares and
 * un-shares spreadsheets it created itself.
 */

/** Creates an empty view spreadsheet (Norwegian locale, Oslo time) with one tab; gives its ID. */
export async function createViewSpreadsheet(clients: GoogleClients, title: string, firstTab: string): Promise<string> {
  const { data } = await clients.sheets.spreadsheets.create({
    requestBody: { properties: { title, locale: "nb_NO", timeZone: "Europe/Oslo" }, sheets: [{ properties: { title: firstTab } }] },
    fields: "spreadsheetId",
  });
  if (!data.spreadsheetId) throw new Error("Google ga ingen ID for det nye regnearket");
  return data.spreadsheetId;
}

/** False when the view was deleted, put in the bin, or is out of reach; then a new one is made. */
export async function viewExists(clients: GoogleClients, fileId: string): Promise<boolean> {
  try {
    const { data } = await clients.drive.files.get({ fileId, fields: "id,trashed" });
    return data.trashed !== true;
  } catch (error) {
    const kind = classifyGoogleError(error);
    if (kind === "not_found" || kind === "no_access") return false;
    throw error;
  }
}

export interface ShareOptions {
  /** Drive sends "X shared a spreadsheet with you" (default true). */
  sendNotificationEmail?: boolean;
  message?: string;
}

/**
 * Makes the readers of a file exactly `emails` (lower-case): adds the missing ones as `reader`,
 * removes readers no longer listed. Owners and writers are never touched. One list request, then
 * one request per change.
 */
export async function syncReaders(clients: GoogleClients, fileId: string, emails: ReadonlyArray<string>, options: ShareOptions = {}): Promise<{ added: string[]; removed: string[] }> {
  const wanted = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const { data } = await clients.drive.permissions.list({ fileId, fields: "permissions(id,type,role,emailAddress)", pageSize: 100 });
  const permissions = data.permissions ?? [];
  const present = new Set(permissions.map((p) => (p.emailAddress ?? "").toLowerCase()));
  const added: string[] = [];
  const removed: string[] = [];
  for (const email of [...wanted].sort()) {
    if (present.has(email)) continue;
    await clients.drive.permissions.create({
      fileId,
      sendNotificationEmail: options.sendNotificationEmail ?? true,
      emailMessage: options.sendNotificationEmail === false ? undefined : options.message,
      requestBody: { type: "user", role: "reader", emailAddress: email },
      fields: "id",
    });
    added.push(email);
  }
  for (const permission of permissions) {
    const email = (permission.emailAddress ?? "").toLowerCase();
    if (permission.role !== "reader" || permission.type !== "user" || !permission.id || wanted.has(email)) continue;
    await clients.drive.permissions.delete({ fileId, permissionId: permission.id });
    removed.push(email);
  }
  return { added, removed: removed.sort() };
}
