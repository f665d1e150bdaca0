/**
 * Errors as Apps Script raises them. In the V8 runtime a service error is an Error whose `name` is
 * "Exception" and whose `message` is the bare text, so `String(e)` reads "Exception: <message>"
 * (what the execution log shows) while `e.message` has no prefix.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = "Exception";
  return error;
}

/** Errors of advanced services (Sheets API) look like this in Apps Script. */
export function googleJsonError(method: string, detail: string): Error {
  const error = new Error(`API call to ${method} failed with error: ${detail}`);
  error.name = "GoogleJsonResponseException";
  return error;
}

export const MESSAGES = {
  outsideSheet: "The coordinates of the range are outside the dimensions of the sheet.",
  rangeNotFound: "Range not found",
  rowTooSmall: "The starting row of the range is too small.",
  columnTooSmall: "The starting column of the range is too small.",
  numRowsTooSmall: "The number of rows in the range must be at least 1.",
  numColumnsTooSmall: "The number of columns in the range must be at least 1.",
  unexpectedOpen: "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
  noAccess: "You do not have permission to access the requested document.",
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  signature: (method: string) => `The parameters don't match the method signature for ${method}.`,
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  deleteOnlySheet:
    "This operation is not supported. A spreadsheet must contain at least one sheet that is not hidden.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  valueTooLarge: "Argument too large: value",
  lockTimeout: "Lock timeout: another process was holding the lock for too long.",
  propertyQuota: "You have exceeded the property storage quota. Please remove some properties and try again.",
  mailQuota: "Service invoked too many times for one day: email.",
  tooManyTriggers:
    "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
  uiContext: "Cannot call SpreadsheetApp.getUi() from this context.",
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  permission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
} as const;
