// Innsamlingsstatus (central): how far the collection has come, with counts per status and one
// row per association.
import type { SentralApi } from "../api-types";
import { createClient, SENTRAL_FUNCTIONS } from "../client";
import { append, busy, byId, h, notice, replace, showDate, showInstant } from "../dom";

const api = createClient<SentralApi>(SENTRAL_FUNCTIONS);

/** SPEC "Innsamling": the statuses in the order people act on them. */
const STATUS_ORDER = ["Finnes ikke", "Kan ikke leses", "Mangler tilgang", "Med avvik", "Ikke sendt inn", "OK"];
const BADGE: Record<string, string> = { OK: "badge-success", "Med avvik": "badge-error", "Ikke sendt inn": "badge-warning", "Mangler tilgang": "badge-error", "Finnes ikke": "badge-error", "Kan ikke leses": "badge-error" };

async function load(content: HTMLElement): Promise<void> {
  let data: Awaited<ReturnType<typeof api.getCollectionStatus>>;
  try {
    data = await api.getCollectionStatus();
  } catch (error) {
    replace(content, notice("error", `Statusen kunne ikke hentes: ${(error as Error).message}`));
    return;
  }
  const total = data.rows.length;
  const statuses = [...STATUS_ORDER.filter((s) => s in data.counts), ...Object.keys(data.counts).filter((s) => !STATUS_ORDER.includes(s))];
  const counts = h("table", { id: "counts" }, h("caption", {}, `Foreninger per status (${total} i alt)`), h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Status"), h("th", { scope: "col", class: "number" }, "Antall"))));
  const countBody = h("tbody");
  for (const s of statuses) append(countBody, h("tr", {}, h("th", { scope: "row" }, h("span", { class: `badge ${BADGE[s] ?? ""}` }, s)), h("td", { class: "number" }, data.counts[s])));
  append(counts, countBody);

  const rows = [...data.rows].sort((a, b) => {
    const rank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
    return rank(a.status) - rank(b.status) || a.county.localeCompare(b.county, "nb") || a.name.localeCompare(b.name, "nb");
  });
  const table = h(
    "table",
    { id: "associations" },
    h("caption", { class: "visually-hidden" }, "Status per forening"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Forening"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col", class: "number" }, "Feil"))),
  );
  const body = h("tbody");
  for (const row of rows) {
    append(
      body,
      h(
        "tr",
        {},
        h("th", { scope: "row" }, row.name, h("span", { class: "small" }, row.county)),
        h("td", {}, h("span", { class: `badge ${BADGE[row.status] ?? ""}` }, row.status), row.submittedAt ? h("span", { class: "small" }, `Innsendt ${showInstant(row.submittedAt) || showDate(row.submittedAt)}`) : null),
        h("td", { class: "number" }, row.errors),
      ),
    );
  }
  append(table, body);
  replace(
    content,
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Rapportår"),
      h("dd", {}, data.year),
      h("dt", {}, "Frist"),
      h("dd", {}, data.deadline ? showDate(data.deadline) : "ikke satt"),
      h("dt", {}, "Sist summert"),
      h("dd", {}, data.lastRun ? showInstant(data.lastRun) : "aldri"),
    ),
    data.running ? notice("info", "Innhenting pågår nå. Trykk «Oppdater» om litt for å se nye tall.") : null,
    counts,
    h("h2", {}, "Per forening"),
    total ? table : h("p", {}, "Ingen foreninger er registrert i fanen Foreninger."),
  );
}

function main(): void {
  const app = byId("app");
  const content = h("div", { id: "content", "aria-live": "polite" });
  const refresh = h("button", { type: "button", id: "refresh" }, "Oppdater");
  append(app, h("h1", {}, "Innsamlingsstatus"), h("div", { class: "actions" }, refresh), content);
  refresh.addEventListener("click", () => void busy(refresh, "Henter …", () => load(content)));
  void load(content);
}

main();
