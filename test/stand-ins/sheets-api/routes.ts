/** Maps method + path to an endpoint name (as counted in `server.countBy`) and its ids: only the endpoints src calls. */

export type Api = "sheets" | "drive" | "token";

export interface Route {
  endpoint: string;
  api: Api;
  spreadsheetId?: string;
  /** The A1 range of values.update, decoded. */
  range?: string;
  permissionId?: string;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const ROUTES: Array<[method: string, pattern: RegExp, endpoint: string, api: Api]> = [
  ["POST", /^\/token$/, "token", "token"],
  ["POST", /^\/v4\/spreadsheets$/, "spreadsheets.create", "sheets"],
  ["GET", /^\/v4\/spreadsheets\/([^/:]+)$/, "spreadsheets.get", "sheets"],
  ["POST", /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/, "spreadsheets.batchUpdate", "sheets"],
  ["GET", /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/, "values.batchGet", "sheets"],
  ["PUT", /^\/v4\/spreadsheets\/([^/:]+)\/values\/([^/]+)$/, "values.update", "sheets"],
  ["GET", /^\/drive\/v3\/files\/([^/]+)$/, "drive.files.get", "drive"],
  ["POST", /^\/drive\/v3\/files\/([^/]+)\/permissions$/, "drive.permissions.create", "drive"],
  ["GET", /^\/drive\/v3\/files\/([^/]+)\/permissions$/, "drive.permissions.list", "drive"],
  ["DELETE", /^\/drive\/v3\/files\/([^/]+)\/permissions\/([^/]+)$/, "drive.permissions.delete", "drive"],
];

export function route(method: string, rawPath: string): Route | undefined {
  const path = rawPath.replace(/\/+$/, "");
  for (const [m, pattern, endpoint, api] of ROUTES) {
    const match = method.toUpperCase() === m ? pattern.exec(path) : null;
    if (!match) continue;
    const [, id, second] = match.map((part) => (part === undefined ? part : decode(part)));
    return {
      endpoint,
      api,
      ...(id !== undefined ? { spreadsheetId: id } : {}),
      ...(endpoint === "values.update" ? { range: second } : {}),
      ...(endpoint === "drive.permissions.delete" ? { permissionId: second } : {}),
    };
  }
  return undefined;
}
