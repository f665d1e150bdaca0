/**
 * Drive v3 handlers for what src calls: files.get and permissions create / list / delete.
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
 */
import { ApiError } from "./errors";
import { masked } from "./fields";
import { Json, Permission, SpreadsheetState } from "./model";
import { HandlerInput } from "./sheets";
import { permissionIdFor, randomId, Store } from "./store";

/** The file (the server has already answered 404 for one the caller cannot see). */
function driveFile(store: Store, id: string): SpreadsheetState {
  const ss = store.spreadsheets.get(id);
  if (!ss) throw new ApiError(404, `File not found: ${id}.`, { reason: "notFound" });
  return ss;
}

/** Drive answers with kind,id,name,mimeType unless `fields` asks for more (nothing is ever in the bin). */
export function filesGet(store: Store, id: string, input: HandlerInput): Json {
  const ss = driveFile(store, id);
  const file = {
    kind: "drive#file",
    id: ss.spreadsheetId,
    name: ss.properties.title,
    mimeType: "application/vnd.google-apps.spreadsheet",
    trashed: false,
  };
  return masked(file, input.query.get("fields") ?? "kind,id,name,mimeType") as Json;
}

/** One permission per address: sharing an address again changes its role (the owner's stays). */
export function permissionsCreate(store: Store, id: string, input: HandlerInput): Json {
  const ss = driveFile(store, id);
  const { type, role, emailAddress } = input.body as Partial<Permission>;
  if (!type || !role)
    throw new ApiError(400, "The permission type and role fields are required.", { reason: "required" });
  if ((type === "user" || type === "group") && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailAddress ?? "")) {
    throw new ApiError(
      400,
      'Bad Request. User message: "An email address is required for user and group permissions."',
      { reason: "invalidSharingRequest" },
    );
  }
  const email = emailAddress?.toLowerCase();
  let permission = email ? ss.permissions.find((p) => p.emailAddress?.toLowerCase() === email) : undefined;
  if (permission && permission.role !== "owner") permission.role = role;
  if (!permission) {
    permission = { id: email ? permissionIdFor(email) : randomId(20), type, role, emailAddress: email };
    ss.permissions.push(permission);
  }
  return masked(
    { kind: "drive#permission", ...permission },
    input.query.get("fields") ?? "kind,id,type,role",
  ) as Json;
}

export function permissionsList(store: Store, id: string, input: HandlerInput): Json {
  const permissions = driveFile(store, id).permissions.map((p) => ({ kind: "drive#permission", ...p }));
  const fields = input.query.get("fields") ?? "kind,permissions(kind,id,type,role)";
  return masked({ kind: "drive#permissionList", permissions }, fields) as Json;
}

export function permissionsDelete(store: Store, id: string, permissionId: string): void {
  const ss = driveFile(store, id);
  const p = ss.permissions.find((x) => x.id === permissionId);
  if (!p) throw new ApiError(404, `Permission not found: ${permissionId}.`, { reason: "notFound" });
  if (p.role === "owner")
    throw new ApiError(403, "The owner of a file cannot be removed.", { reason: "cannotRemoveOwner" });
  ss.permissions.splice(ss.permissions.indexOf(p), 1);
}
