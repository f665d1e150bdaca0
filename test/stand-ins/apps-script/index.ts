/**
 * An in-memory Google Apps Script world for tests: SpreadsheetApp and friends with Google's value
 * semantics, errors and limits, call counting, fault injection and several simulated users.
 *
 *   const world = createWorld();
 *   const id = world.addSpreadsheet({ name: "Forening", sheets: { Aktiviteter: [["Dato", "Tittel"]] } });
 *   const globals = world.globalsFor({ userEmail: "kari@example.org", activeSpreadsheetId: id });
 *   Object.assign(vmContext, globals);            // or run the code with the globals as parameters
 *   world.resetCalls(); ...; expect(world.callsOf("Range")).toBeLessThanOrEqual(8);
 */
export * from "./a1";
export * from "./chart";
export * from "./charts-global";
export * from "./conditional";
export * from "./counting";
export * from "./dates";
export * from "./drive";
export * from "./enums";
export * from "./errors";
export * from "./lock";
export * from "./mail";
export * from "./model";
export * from "./properties";
export * from "./protection";
export * from "./range";
export * from "./script";
export * from "./sheet";
export * from "./sheets-api";
export * from "./spreadsheet";
export * from "./ui";
export * from "./users";
export * from "./utilities";
export * from "./validation";
export * from "./values";
export * from "./world";
