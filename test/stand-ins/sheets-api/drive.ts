/** Drive v3 handlers for spreadsheet files: create, copy, get, update, delete, list, and permissions. */
import { ApiError } from "./errors";
import { applyMask, parseMask } from "./fields";
import { clone, Json, Permission, SpreadsheetState } from "./model";
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
    createdTime: ss.createdTime,
    modifiedTime: ss.modifiedTime,
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

export function filesCreate(store: Store, input: HandlerInput): Json {
  const mimeType = (input.body.mimeType as string | undefined) ?? "";
  if (mimeType !== SPREADSHEET_MIME) {
    throw new ApiError(
      400,
      `The stand-in only creates Google Sheets files (mimeType ${SPREADSHEET_MIME}), not "${mimeType}".`,
    );
  }
  const ss = store.create({
    title: (input.body.name as string | undefined) ?? "Untitled spreadsheet",
    owner: input.principal,
  });
  return fileOut(ss, input.query);
}

export function filesCopy(store: Store, id: string, input: HandlerInput): Json {
  const source = driveFile(store, id);
  const copy = clone(source);
  copy.spreadsheetId = randomId();
  copy.properties.title = (input.body.name as string | undefined) ?? `Copy of ${source.properties.title}`;
  // A copy belongs to whoever copied it; sharing is not copied.
  copy.permissions = [
    { id: permissionIdFor(input.principal), type: "user", role: "owner", emailAddress: input.principal },
  ];
  copy.access = "ok";
  copy.createdTime = copy.modifiedTime = new Date().toISOString();
  store.spreadsheets.set(copy.spreadsheetId, copy);
  return fileOut(copy, input.query);
}

export function filesGet(store: Store, id: string, input: HandlerInput): Json {
  if (input.query.get("alt") === "media")
    throw new ApiError(
      403,
      "Only files with binary content can be downloaded. Use Export with Docs Editors files.",
      { reason: "fileNotDownloadable" },
    );
  return fileOut(driveFile(store, id), input.query);
}

export function filesUpdate(store: Store, id: string, input: HandlerInput): Json {
  const ss = driveFile(store, id, { write: true });
  if (typeof input.body.name === "string") ss.properties.title = input.body.name;
  if (typeof input.body.trashed === "boolean") ss.trashed = input.body.trashed;
  return fileOut(ss, input.query);
}

export function filesDelete(store: Store, id: string): void {
  const ss = driveFile(store, id, { write: true });
  store.spreadsheets.delete(ss.spreadsheetId);
}

/** files.list with the simple `q` clauses an adapter needs: name = '...', mimeType = '...', trashed = false. */
export function filesList(store: Store, input: HandlerInput): Json {
  const q = input.query.get("q") ?? "";
  const clauses = q.split(/\s+and\s+/i).filter((c) => c.trim());
  const matches = [...store.spreadsheets.values()].filter((ss) => {
    if (ss.access === "not_found" || ss.access === "no_access") return false;
    return clauses.every((clause) => {
      const m =
        /^\s*(name|mimeType|trashed)\s*(=|!=|contains)\s*(?:'((?:[^'\\]|\\.)*)'|(true|false))\s*$/.exec(
          clause,
        );
      if (!m)
        throw new ApiError(
          400,
          `Invalid Value: the stand-in does not understand the query clause "${clause}"`,
          { reason: "invalid" },
        );
      const [, field, op, text, bool] = m;
      const actual =
        field === "name" ? ss.properties.title : field === "mimeType" ? SPREADSHEET_MIME : String(ss.trashed);
      const expected = bool ?? text.replace(/\\(.)/g, "$1");
      if (op === "contains") return actual.toLowerCase().includes(expected.toLowerCase());
      return op === "=" ? actual === expected : actual !== expected;
    });
  });
  const fields = input.query.get("fields") ?? "kind,incompleteSearch,files(kind,id,name,mimeType)";
  const result = { kind: "drive#fileList", incompleteSearch: false, files: matches.map(fileResource) };
  return applyMask(result, parseMask(fields)) as Json;
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

export function permissionsGet(store: Store, id: string, permissionId: string, input: HandlerInput): Json {
  return permissionOut(findPermission(driveFile(store, id), permissionId), input.query);
}

export function permissionsUpdate(store: Store, id: string, permissionId: string, input: HandlerInput): Json {
  const ss = driveFile(store, id, { write: true });
  const p = findPermission(ss, permissionId);
  if (typeof input.body.role === "string") p.role = input.body.role;
  return permissionOut(p, input.query);
}

export function permissionsDelete(store: Store, id: string, permissionId: string): void {
  const ss = driveFile(store, id, { write: true });
  const p = findPermission(ss, permissionId);
  if (p.role === "owner")
    throw new ApiError(403, "The owner of a file cannot be removed.", { reason: "cannotRemoveOwner" });
  ss.permissions.splice(ss.permissions.indexOf(p), 1);
}
