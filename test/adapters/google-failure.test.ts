import { classifyError } from "../../src/adapters/apps-script/retry";
import { classifyGoogleError } from "../../src/adapters/sheets-api/errors";

// One failure vocabulary (services/ports GoogleFailure) for both Google backends: the same failure
// reads the same whether Apps Script reported it as a message or the Sheets API as an HTTP status.
// Apps Script's advanced-service messages: https://developers.google.com/apps-script/guides/services/advanced
// Sheets API statuses: https://developers.google.com/sheets/api/limits (429) and https://cloud.google.com/apis/design/errors
describe("Google failures", () => {
  it.each([
    ["not_found", "API call to sheets.spreadsheets.values.batchGet failed with error: Requested entity was not found.", 404],
    ["no_access", "API call to sheets.spreadsheets.values.batchGet failed with error: The caller does not have permission", 403],
    ["transient", "API call to sheets.spreadsheets.values.batchGet failed with error: Quota exceeded for quota metric 'Read requests'", 429],
    ["transient", "Exception: Service Spreadsheets failed while accessing document", 503],
  ] as const)("names a %s failure the same in Apps Script and in the Sheets API", (failure, message, status) => {
    expect(classifyError(new Error(message))).toBe(failure);
    expect(classifyGoogleError({ response: { status } })).toBe(failure);
  });

  it("tells a missing tab from a missing spreadsheet in Apps Script", () => {
    expect(classifyError(new Error("API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Aktiviteter"))).toBe("missing_tab");
  });
});
