// Selvtest (both targets): runs the checks on the server and lists each as OK or FEIL, with what it
// means and what to do.
import type { SelfTestApi, SelfTestDto } from "../api-types";
import { createClient } from "../client";
import { append, busy, byId, h, notice, replace, showInstant } from "../dom";

const api = createClient<SelfTestApi>(["getSelfTest"]);

function checkItem(c: SelfTestDto["checks"][number]): HTMLElement {
  return h(
    "li",
    { class: c.ok ? "card" : "card overdue", "data-check": c.id },
    h("h3", {}, h("span", { class: `badge ${c.ok ? "badge-success" : "badge-error"}` }, c.ok ? "OK" : "FEIL"), c.title),
    h("p", {}, c.meaning),
    c.ok ? null : h("p", {}, h("strong", {}, "Dette gjør du: "), c.action),
    c.detail ? h("p", { class: "help" }, c.detail) : null,
  );
}

async function run(content: HTMLElement): Promise<void> {
  replace(content, h("p", {}, "Kjører selvtesten … Det tar vanligvis noen sekunder."));
  let report: SelfTestDto;
  try {
    report = await api.getSelfTest();
  } catch (error) {
    replace(content, notice("error", `Selvtesten kunne ikke kjøres: ${(error as Error).message}`));
    return;
  }
  const failed = report.checks.filter((c) => !c.ok).length;
  const list = h("ul", { class: "cards", id: "checks" });
  for (const c of report.checks) append(list, checkItem(c));
  replace(
    content,
    failed === 0
      ? notice("success", `Alt er i orden: ${report.checks.length} av ${report.checks.length} kontroller er OK.`)
      : notice("error", failed === 1 ? "1 kontroll feilet. Se hva du kan gjøre under." : `${failed} kontroller feilet. Se hva du kan gjøre under.`),
    h("p", { class: "help" }, `Kjørt ${showInstant(report.ranAt)} (${String(report.seconds).replace(".", ",")} sekunder).`),
    list,
  );
}

function main(): void {
  const app = byId("app");
  const content = h("div", { id: "content", "aria-live": "polite" });
  const again = h("button", { type: "button", id: "run" }, "Kjør på nytt");
  append(app, h("h1", {}, "Selvtest"), h("p", {}, "Sjekker at Samspill virker som det skal i dette regnearket. Testen lager en skjult fane som slettes igjen."), h("div", { class: "actions" }, again), content);
  again.addEventListener("click", () => void busy(again, "Kjører …", () => run(content)));
  void run(content);
}

main();
