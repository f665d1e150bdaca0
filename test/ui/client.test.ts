import { assertPlain, createClient, ScriptRun } from "../../src/ui/client";
import type { ForeningApi } from "../../src/ui/api-types";

/** A google.script.run double: answers each call with `answer(name, args)` on a later tick. */
function fakeRun(answer: (name: string, args: unknown[]) => { ok: true; value: unknown } | { ok: false; error: unknown }): { run: () => ScriptRun; calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const make = (success?: (v: unknown) => void, failure?: (e: unknown) => void): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get(_t, name: string) {
        if (name === "withSuccessHandler") return (s: (v: unknown) => void) => make(s, failure);
        if (name === "withFailureHandler") return (f: (e: unknown) => void) => make(success, f);
        return (...args: unknown[]) => {
          calls.push([name, args]);
          const result = answer(name, args);
          setTimeout(() => (result.ok ? success?.(result.value) : failure?.(result.error)), 0);
        };
      },
    });
  return { run: () => make(), calls };
}

describe("the typed google.script.run client", () => {
  it("resolves with the server's value and passes the arguments through", async () => {
    const fake = fakeRun(() => ({ ok: true, value: { ok: true, row: 8, message: "" } }));
    const api = createClient<ForeningApi>(["addActivity", "selectCell"], fake.run);
    await expect(api.addActivity({ title: "Kurs" })).resolves.toEqual({ ok: true, row: 8, message: "" });
    await api.selectCell("Aktiviteter", "F7");
    expect(fake.calls).toEqual([
      ["addActivity", [{ title: "Kurs" }]],
      ["selectCell", ["Aktiviteter", "F7"]],
    ]);
  });

  it("rejects with the server's error message (Apps Script gives an Error or a string)", async () => {
    const fake = fakeRun((name) => ({ ok: false, error: name === "getProblems" ? new Error("Tjenesten er opptatt") : "Ingen tilgang" }));
    const api = createClient<ForeningApi>(["getProblems", "getMilestones"], fake.run);
    await expect(api.getProblems()).rejects.toThrow("Tjenesten er opptatt");
    await expect(api.getMilestones()).rejects.toThrow("Ingen tilgang");
  });

  it("refuses a Date argument before sending it: dates cross as ISO text", async () => {
    const fake = fakeRun(() => ({ ok: true, value: null }));
    const api = createClient<ForeningApi>(["setMilestoneStatus"], fake.run);
    await expect(api.setMilestoneStatus(2, "Fullført", new Date() as unknown as string)).rejects.toThrow(/ISO-tekst/);
    expect(fake.calls).toEqual([]);
    expect(() => assertPlain({ a: [1, "x", { b: null }] })).not.toThrow();
    expect(() => assertPlain({ a: [new Date()] })).toThrow(/argument\.a\[0\]/);
  });

  it("says so when the sidebar is not connected to a spreadsheet", async () => {
    const api = createClient<ForeningApi>(["getProblems"], () => undefined);
    await expect(api.getProblems()).rejects.toThrow("google.script.run mangler");
  });
});
