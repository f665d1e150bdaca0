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
export { googleJsonError } from "./errors";
export type { MenuEntry } from "./ui";
export * from "./world";
