/** Maps method + path to an endpoint name (as counted in `server.countBy`) and its ids. */

export type Api = "sheets" | "drive" | "token";

export interface Route {
  endpoint: string;
  api: Api;
  spreadsheetId?: string;
  /** The A1 range of values.get / update / append / clear, decoded. */
  range?: string;
  permissionId?: string;
  /** Writes are refused on read-only spreadsheets. */
  write: boolean;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function route(method: string, rawPath: string): Route | undefined {
  const segments = rawPath.split("/").filter((s) => s !== "");
  const m = method.toUpperCase();
  if (m === "POST" && segments.length === 1 && segments[0] === "token")
    return { endpoint: "token", api: "token", write: false };

  if (segments[0] === "v4" && segments[1] === "spreadsheets") {
    const rest = segments.slice(2);
    if (rest.length === 0)
      return m === "POST" ? { endpoint: "spreadsheets.create", api: "sheets", write: true } : undefined;
    const [idPart, ...tail] = rest;
    const colon = idPart.indexOf(":");
    const spreadsheetId = decode(colon >= 0 ? idPart.slice(0, colon) : idPart);
    const verb = colon >= 0 ? idPart.slice(colon + 1) : undefined;
    if (tail.length === 0) {
      if (verb === undefined && m === "GET")
        return { endpoint: "spreadsheets.get", api: "sheets", spreadsheetId, write: false };
      if (verb === "batchUpdate" && m === "POST")
        return { endpoint: "spreadsheets.batchUpdate", api: "sheets", spreadsheetId, write: true };
      if (verb === "getByDataFilter" && m === "POST")
        return { endpoint: "spreadsheets.getByDataFilter", api: "sheets", spreadsheetId, write: false };
      return undefined;
    }
    if (tail[0] === "values:batchGet" && m === "GET")
      return { endpoint: "values.batchGet", api: "sheets", spreadsheetId, write: false };
    if (tail[0] === "values:batchUpdate" && m === "POST")
      return { endpoint: "values.batchUpdate", api: "sheets", spreadsheetId, write: true };
    if (tail[0] === "values:batchClear" && m === "POST")
      return { endpoint: "values.batchClear", api: "sheets", spreadsheetId, write: true };
    if (tail[0] === "values" && tail.length >= 2) {
      // The range is one path segment with ':' percent-encoded; a literal ':verb' suffix is the method.
      const raw = tail.slice(1).join("/");
      const action = /:(append|clear)$/.exec(raw);
      if (action && m === "POST") {
        return {
          endpoint: `values.${action[1]}`,
          api: "sheets",
          spreadsheetId,
          range: decode(raw.slice(0, action.index)),
          write: true,
        };
      }
      if (m === "GET")
        return { endpoint: "values.get", api: "sheets", spreadsheetId, range: decode(raw), write: false };
      if (m === "PUT")
        return { endpoint: "values.update", api: "sheets", spreadsheetId, range: decode(raw), write: true };
    }
    return undefined;
  }

  if (segments[0] === "drive" && segments[1] === "v3" && segments[2] === "files") {
    const [fileId, sub, permissionId] = segments.slice(3).map(decode);
    const spreadsheetId = fileId;
    if (fileId === undefined) {
      if (m === "POST") return { endpoint: "drive.files.create", api: "drive", write: true };
      if (m === "GET") return { endpoint: "drive.files.list", api: "drive", write: false };
      return undefined;
    }
    if (sub === undefined) {
      if (m === "GET") return { endpoint: "drive.files.get", api: "drive", spreadsheetId, write: false };
      if (m === "PATCH") return { endpoint: "drive.files.update", api: "drive", spreadsheetId, write: true };
      if (m === "DELETE") return { endpoint: "drive.files.delete", api: "drive", spreadsheetId, write: true };
      return undefined;
    }
    if (sub === "copy" && m === "POST")
      return { endpoint: "drive.files.copy", api: "drive", spreadsheetId, write: false };
    if (sub === "permissions" && permissionId === undefined) {
      if (m === "POST")
        return { endpoint: "drive.permissions.create", api: "drive", spreadsheetId, write: true };
      if (m === "GET")
        return { endpoint: "drive.permissions.list", api: "drive", spreadsheetId, write: false };
    }
    if (sub === "permissions" && permissionId !== undefined) {
      if (m === "GET")
        return { endpoint: "drive.permissions.get", api: "drive", spreadsheetId, permissionId, write: false };
      if (m === "PATCH")
        return {
          endpoint: "drive.permissions.update",
          api: "drive",
          spreadsheetId,
          permissionId,
          write: true,
        };
      if (m === "DELETE")
        return {
          endpoint: "drive.permissions.delete",
          api: "drive",
          spreadsheetId,
          permissionId,
          write: true,
        };
    }
  }
  return undefined;
}
