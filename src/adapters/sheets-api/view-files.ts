import { grid } from "../../core/output-table";
import { ViewFiles } from "../../services/ports";
import { GoogleClients } from "./clients";
import { openSpreadsheet } from "./sheets-workbook";
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
 * The ViewFiles port (services/ports) over the Sheets and Drive APIs: one permission per address, so
 * an address Drive refuses fails alone; failures carry a Norwegian reason.
 */
export function sheetsApiViewFiles(clients: GoogleClients, options: ShareOptions & { message?: (id: string) => string } = {}): ViewFiles {
  const permissionIds = new Map<string, Map<string, string>>();
  const norwegian = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const kind = classifyGoogleError(error);
      const status = (error as { code?: unknown; status?: unknown }).code ?? (error as { status?: unknown }).status;
      if (String(status) === "400") throw new Error("Google godtok ikke adressen (er den knyttet til en Google-konto?)");
      if (kind === "no_access") throw new Error("tjenestekontoen har ikke lov til å endre delingen");
      if (kind === "not_found") throw new Error("regnearket finnes ikke lenger");
      throw new Error("Google svarte ikke; det prøves igjen neste gang");
    }
  };
  return {
    exists: (id) => viewExists(clients, id),
    create: (_number, title) => norwegian(() => createViewSpreadsheet(clients, title, VIEW_FIRST_TAB)),
    async write(id, tables) {
      const view = await openSpreadsheet(clients, id, { tabs: [] });
      for (const table of tables) view.write(table.name, grid(table), table.formats);
      await view.save();
    },
    async readers(id) {
      const { data } = await clients.drive.permissions.list({ fileId: id, fields: "permissions(id,type,role,emailAddress)", pageSize: 100 });
      const readers = (data.permissions ?? []).filter((p) => p.role === "reader" && p.type === "user" && p.id && p.emailAddress);
      permissionIds.set(id, new Map(readers.map((p) => [p.emailAddress!.toLowerCase(), p.id!])));
      return readers.map((p) => p.emailAddress!.toLowerCase());
    },
    share: (id, email) =>
      norwegian(async () => {
        await clients.drive.permissions.create({
          fileId: id,
          sendNotificationEmail: options.sendNotificationEmail ?? true,
          emailMessage: options.sendNotificationEmail === false ? undefined : options.message,
          requestBody: { type: "user", role: "reader", emailAddress: email },
          fields: "id",
        });
      }),
    unshare: (id, email) =>
      norwegian(async () => {
        const permissionId = permissionIds.get(id)?.get(email);
        if (permissionId) await clients.drive.permissions.delete({ fileId: id, permissionId });
      }),
  };
}

/** The first tab of a new view (core/partner-slices partnerView's first table). */
const VIEW_FIRST_TAB = "Om visningen";
