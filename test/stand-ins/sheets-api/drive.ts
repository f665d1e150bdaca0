/**
 * Drive v3 handlers for what src calls: files.get and permissions create / list / delete.
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
 */
import { ApiError } from "./errors";
import { applyMask, parseMask } from "./fields";
import { Json, Permission, SpreadsheetState } from "./model";
import { HandlerInput, spreadsheetUrl } from "./sheets";
import { permissionIdFor, randomId, Store } from "./store";

export const SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet";

const notFound = (id: string) => new ApiError(404, `File not found: ${id}.`, { reason: "notFound" });

function fileResource(ss: SpreadsheetState): Json {
  const owner = ss.permissions.find((p) => p.role === "owner");
  return {
    kind: "drive#file",
    id: ss.spreadsheetId,
    name: ss.properties.title,
    mimeType: SPREADSHEET_MIME,
    webViewLink: `${spreadsheetUrl(ss.spreadsheetId)}?usp=drivesdk`,
    trashed: ss.trashed,
    owners: owner?.emailAddress ? [{ kind: "drive#user", emailAddress: owner.emailAddress, me: true }] : [],
  };
}

/** Drive answers with kind,id,name,mimeType unless `fields` asks for more. */
function fileOut(ss: SpreadsheetState, query: URLSearchParams): Json {
  const fields = query.get("fields") ?? "kind,id,name,mimeType";
  return applyMask(fileResource(ss), parseMask(fields)) as Json;
}

function permissionOut(p: Permission, query: URLSearchParams, fallback = "kind,id,type,role"): Json {
  const fields = query.get("fields") ?? fallback;
  return applyMask({ kind: "drive#permission", ...p }, parseMask(fields)) as Json;
}

/** Drive hides files the caller cannot see behind 404, and refuses sharing changes on read-only files. */
export function driveFile(store: Store, id: string, options: { write?: boolean } = {}): SpreadsheetState {
  const ss = store.spreadsheets.get(id);
  if (!ss || ss.access === "not_found" || ss.access === "no_access" || ss.trashed) throw notFound(id);
  if (options.write && ss.access === "read_only") {
    throw new ApiError(403, "The user does not have sufficient permissions for this file.", {
      reason: "insufficientFilePermissions",
    });
  }
  return ss;
}

export function filesGet(store: Store, id: string, input: HandlerInput): Json {
  return fileOut(driveFile(store, id), input.query);
}

export function permissionsCreate(store: Store, id: string, input: HandlerInput): Json {
  const ss = driveFile(store, id, { write: true });
  const body = input.body as Partial<Permission> & Json;
  const type = body.type;
  const role = body.role;
  if (!type || !role)
    throw new ApiError(400, "The permission type and role fields are required.", { reason: "required" });
  if (!["owner", "organizer", "fileOrganizer", "writer", "commenter", "reader"].includes(role)) {
    throw new ApiError(400, `The provided role "${role}" is invalid.`, { reason: "invalid" });
  }
  if ((type === "user" || type === "group") && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.emailAddress ?? "")) {
    throw new ApiError(
      400,
      'Bad Request. User message: "An email address is required for user and group permissions."',
      { reason: "invalidSharingRequest" },
    );
  }
  if (role === "owner" && input.query.get("transferOwnership") !== "true") {
    throw new ApiError(
      403,
      "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
      { reason: "forbidden" },
    );
  }
  const email = body.emailAddress?.toLowerCase();
  const existing = email ? ss.permissions.find((p) => p.emailAddress?.toLowerCase() === email) : undefined;
  let permission: Permission;
  if (existing && existing.role !== "owner") {
    existing.role = role;
    permission = existing;
  } else if (existing) {
    permission = existing;
  } else {
    permission = {
      id: email ? permissionIdFor(email) : type === "anyone" ? "anyoneWithLink" : randomId(20),
      type,
      role,
      ...(email ? { emailAddress: email } : {}),
      ...(body.domain ? { domain: body.domain } : {}),
    };
    ss.permissions.push(permission);
  }
  return permissionOut(permission, input.query);
}

export function permissionsList(store: Store, id: string, input: HandlerInput): Json {
  const ss = driveFile(store, id);
  const fields = input.query.get("fields") ?? "kind,permissions(kind,id,type,role)";
  return applyMask(
    {
      kind: "drive#permissionList",
      permissions: ss.permissions.map((p) => ({ kind: "drive#permission", ...p })),
    },
    parseMask(fields),
  ) as Json;
}

function findPermission(ss: SpreadsheetState, permissionId: string): Permission {
  const p = ss.permissions.find((x) => x.id === permissionId);
  if (!p) throw new ApiError(404, `Permission not found: ${permissionId}.`, { reason: "notFound" });
  return p;
}

export function permissionsDelete(store: Store, id: string, permissionId: string): void {
  const ss = driveFile(store, id, { write: true });
  const p = findPermission(ss, permissionId);
  if (p.role === "owner")
    throw new ApiError(403, "The owner of a file cannot be removed.", { reason: "cannotRemoveOwner" });
  ss.permissions.splice(ss.permissions.indexOf(p), 1);
}
