// Kontroller rapporten: every problem of the association's workbook, grouped by tab; each one
// selects its cell in the spreadsheet.
import type { ForeningApi, ProblemDto } from "../api-types";
import { createClient, FORENING_FUNCTIONS } from "../client";
import { append, busy, byId, h, notice, replace, showInstant } from "../dom";
import { count } from "../../core/wording";

const api = createClient<ForeningApi>(FORENING_FUNCTIONS);

const TAB_ORDER = ["Årsrapport", "Aktiviteter", "Milepæler", "Tiltak"];


function grouped(problems: ReadonlyArray<ProblemDto>): Array<[string, ProblemDto[]]> {
  const groups = new Map<string, ProblemDto[]>();
  for (const problem of problems) {
    const list = groups.get(problem.sheet) ?? [];
    list.push(problem);
    groups.set(problem.sheet, list);
  }
  const rank = (sheet: string) => (TAB_ORDER.includes(sheet) ? TAB_ORDER.indexOf(sheet) : TAB_ORDER.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, "nb"));
}

function problemButton(problem: ProblemDto, status: HTMLElement): HTMLElement {
  const isError = problem.severity === "error";
  const where = problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
  const row = /^[A-Z]+(\d+)$/.exec(problem.cell)?.[1];
  const place = !row ? "Hele fanen" : row === "1" ? `Overskriftsraden, celle ${problem.cell}` : `Rad ${row}, celle ${problem.cell}`;
  const button = h(
    "button",
    { type: "button", class: `problem ${problem.severity}`, "data-sheet": problem.sheet, "data-cell": problem.cell },
    h("span", { class: "cell" }, h("span", { class: `badge ${isError ? "badge-error" : "badge-warning"}` }, isError ? "Feil" : "Advarsel"), place),
    problem.message,
  );
  button.addEventListener("click", async () => {
    try {
      await api.selectCell(problem.sheet, problem.cell || "A1");
      replace(status, notice("info", `Cellen ${where} er markert i regnearket.`));
    } catch (error) {
      replace(status, notice("error", `Fant ikke cellen ${where}: ${(error as Error).message}`));
    }
  });
  return h("li", {}, button);
}

async function load(button: HTMLButtonElement): Promise<void> {
  const summary = byId("summary");
  const list = byId("problems");
  const status = byId("status");
  replace(status);
  await busy(button, "Kontrollerer …", async () => {
    try {
      const result = await api.getProblems();
      const when = showInstant(result.checkedAt);
      if (result.problems.length === 0) {
        replace(summary, h("p", { class: "empty", role: "status" }, "Ingen feil funnet"), h("p", {}, `Rapporten ble kontrollert ${when}. Alt ser riktig ut.`));
        replace(list);
        return;
      }
      const headline =
        result.errors === 0
          ? "Ingen feil funnet"
          : `Fant ${count(result.errors, "feil", "feil")}${result.warnings ? ` og ${count(result.warnings, "advarsel", "advarsler")}` : ""}`;
      replace(
        summary,
        h("p", { class: result.errors ? "notice notice-error" : "empty", role: "status" }, headline),
        h("p", {}, `Kontrollert ${when}. Velg en feil for å gå til cellen. Rett feilen i regnearket og trykk «Kontroller på nytt».`),
      );
      replace(list);
      for (const [sheet, problems] of grouped(result.problems)) {
        const headingId = `tab-${sheet.replace(/[^A-Za-z0-9]/g, "_")}`;
        const section = h("section", { "aria-labelledby": headingId }, h("h2", { id: headingId }, `${sheet} (${problems.length})`));
        const ul = h("ul", { class: "problems" });
        for (const problem of problems) append(ul, problemButton(problem, status));
        append(section, ul);
        append(list, section);
      }
    } catch (error) {
      replace(summary, notice("error", `Kontrollen mislyktes: ${(error as Error).message}`));
      replace(list);
    }
  });
}

function main(): void {
  const app = byId("app");
  const again = h("button", { type: "button", id: "recheck" }, "Kontroller på nytt");
  append(
    app,
    h("h1", {}, "Kontroller rapporten"),
    h("div", { class: "actions" }, again),
    h("div", { id: "status" }),
    h("div", { id: "summary", "aria-live": "polite" }),
    h("div", { id: "problems" }),
  );
  again.addEventListener("click", () => void load(again));
  void load(again);
}

main();
