// Milepæler: overdue and upcoming milestones of the association's agreements, each with a status
// update. Fullført asks for Fullført dato; the check is the core's own (Milepæler template).
// A row with errors in Status or Fullført dato is listed first, with the errors, so it can be fixed
// here; rows with other errors are only counted (they are fixed in the sheet, see Kontroller).
import type { FieldDto, ForeningApi, MilestoneDto } from "../api-types";
import { createClient, FORENING_FUNCTIONS } from "../client";
import { checkRecord } from "../../core/read";
import { issueMessage } from "../../core/messages";
import { milestones as template } from "../../core/templates/association";
import { DONE } from "../../core/templates/lists";
import { append, busy, byId, h, notice, replace, showDate } from "../dom";

const api = createClient<ForeningApi>(FORENING_FUNCTIONS);

/** Shows a confirmation or error in the live region (read out) and scrolls it into view. */
function announce(status: HTMLElement, element: HTMLElement): void {
  replace(status, element);
  status.scrollIntoView({ block: "nearest" });
}

/**
 * «Ny milepæl»: a form whose fields come from the Milepæler template (labels, lists, help), checked
 * with the core's checkRecord before sending; the server checks again before it appends the row.
 */
function newMilestoneForm(data: Data, status: HTMLElement, reload: (focusRow?: number) => Promise<void>): HTMLElement {
  const controls = new Map<string, { control: HTMLInputElement | HTMLSelectElement; error: HTMLElement }>();
  const form = h("form", { id: "new-milestone", novalidate: true, "aria-labelledby": "new-milestone-title" });
  for (const field of data.fields as FieldDto[]) {
    const id = `n-${field.key}`;
    const helpId = `${id}-help`;
    const errorId = `${id}-error`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (field.kind === "list") {
      control = h("select", { id, name: field.key, "aria-describedby": `${helpId} ${errorId}` });
      if (field.default === undefined) append(control, h("option", { value: "" }, field.required ? "Velg …" : "(ingen)"));
      for (const value of field.values ?? []) append(control, h("option", { value, selected: value === field.default }, value));
    } else {
      const type = field.kind === "date" ? "date" : "text";
      control = h("input", { id, name: field.key, type, autocomplete: "off", "aria-describedby": `${helpId} ${errorId}`, ...(field.kind === "municipality" ? { inputmode: "numeric", maxlength: 4, value: data.municipalityNumber } : {}) });
    }
    if (field.required) control.setAttribute("aria-required", "true");
    const error = h("p", { id: errorId, class: "field-error" });
    controls.set(field.key, { control, error });
    append(form, h("div", { class: "field" }, h("label", { for: id }, field.label), h("p", { id: helpId, class: "help" }, field.help), control, error));
  }
  const save = h("button", { type: "submit", id: "add-milestone" }, "Legg til milepæl");
  append(form, save);
  const values = () => Object.fromEntries([...controls].map(([key, v]) => [key, v.control.value]));
  const show = (errors: ReadonlyArray<{ field: string; message: string }>) => {
    let first: HTMLElement | undefined;
    for (const [key, { control, error }] of controls) {
      const text = errors.filter((e) => e.field === key).map((e) => e.message).join(". ");
      replace(error, text);
      if (text) {
        control.setAttribute("aria-invalid", "true");
        first ??= control;
      } else control.removeAttribute("aria-invalid");
    }
    return first;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const context = { year: Number(data.today.slice(0, 4)), today: data.today };
    const first = show(checkRecord(template, values(), context).errors);
    if (first) {
      announce(status, notice("error", "Milepælen ble ikke lagret. Rett feilene i skjemaet og prøv igjen."));
      first.focus();
      return;
    }
    void (async () => {
      const sent = values();
      const result = await busy(save, "Lagrer …", async () => {
        try {
          return await api.addMilestone(sent);
        } catch (error) {
          return { ok: false as const, errors: [], message: `Milepælen ble ikke lagret: ${(error as Error).message}` };
        }
      });
      if (!result.ok) {
        const first = show(result.errors);
        announce(status, notice("error", result.message || "Milepælen ble ikke lagret."));
        (first ?? save).focus();
        return;
      }
      await reload(result.row);
      announce(status, notice("success", `Milepælen «${sent.title.trim()}» er lagt til i rad ${result.row} i fanen Milepæler.`));
    })();
  });
  return h("details", { id: "new" }, h("summary", { id: "new-milestone-title" }, "Ny milepæl"), form);
}

/** The fields this sidebar changes; problems elsewhere in the row are left to Kontroller. */
const EDITED = new Set(["status", "completedDate"]);

type Data = Awaited<ReturnType<typeof api.getMilestones>>;

function card(m: MilestoneDto, data: Data, status: HTMLElement, reload: (focusRow?: number) => Promise<void>): HTMLElement {
  const id = `m${m.row}`;
  const headingId = `${id}-title`;
  const flag = m.problems?.length
    ? h("span", { class: "badge badge-error" }, "Må rettes")
    : m.overdue
    ? h("span", { class: "badge badge-error" }, "Forsinket")
    : m.status === DONE
      ? h("span", { class: "badge badge-success" }, "Fullført")
      : m.upcoming
        ? h("span", { class: "badge badge-warning" }, "Snart frist")
        : null;
  const problemsId = `${id}-problems`;
  const problems = m.problems?.length
    ? h(
        "div",
        { class: "card-problems", id: problemsId, role: "group", "aria-label": "Feil i regnearket" },
        h("p", {}, "Feil i regnearket:"),
        h("ul", {}, ...m.problems.map((text) => h("li", {}, text))),
      )
    : null;
  // The sheet's errors are read out with the controls that fix them.
  const describedBy = (errorId: string) => (problems ? `${problemsId} ${errorId}` : errorId);
  const statusSelect = h("select", { id: `${id}-status`, name: "status", "aria-describedby": describedBy(`${id}-status-error`) });
  // A status the sheet does not know (it arrives as "") must be chosen again, not silently become the first option.
  const known = data.statuses.includes(m.status);
  if (!known) append(statusSelect, h("option", { value: "", selected: true }, "Velg status"));
  for (const s of data.statuses) append(statusSelect, h("option", { value: s, selected: known && s === m.status }, s));
  const dateInput = h("input", { id: `${id}-date`, name: "completedDate", type: "date", value: m.completedDate, max: data.today, "aria-describedby": describedBy(`${id}-date-error`) });
  const statusError = h("p", { id: `${id}-status-error`, class: "field-error" });
  const dateError = h("p", { id: `${id}-date-error`, class: "field-error" });
  const dateField = h("div", { class: "field" }, h("label", { for: dateInput.id }, "Fullført dato"), dateInput, dateError);
  const save = h("button", { type: "submit" }, "Lagre status");
  const form = h(
    "form",
    { novalidate: true, "aria-labelledby": headingId },
    h("div", { class: "field" }, h("label", { for: statusSelect.id }, "Status"), statusSelect, statusError),
    dateField,
    save,
  );
  const syncDate = () => {
    const done = statusSelect.value === DONE;
    dateField.hidden = !done;
    if (done && !dateInput.value) dateInput.value = data.today;
    if (!done) dateInput.value = "";
  };
  syncDate();
  statusSelect.addEventListener("change", syncDate);

  const show = (errors: ReadonlyArray<{ field: string; message: string }>) => {
    const of = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join(". ");
    for (const [control, error, field] of [
      [statusSelect, statusError, "status"],
      [dateInput, dateError, "completedDate"],
    ] as const) {
      const text = of(field);
      replace(error, text);
      if (text) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    return errors.find((e) => EDITED.has(e.field));
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { problems: _problems, ...fields } = m;
    const record = { ...fields, status: statusSelect.value, completedDate: dateInput.value };
    const context = { year: Number(data.today.slice(0, 4)), today: data.today };
    const errors = checkRecord(template, record, context).errors.filter((e) => EDITED.has(e.field));
    if (!statusSelect.value) errors.unshift({ field: "status", code: "required", message: issueMessage(template.columns.status, "required", "", context) });
    const first = show(errors);
    if (first) {
      (first.field === "status" ? statusSelect : dateInput).focus();
      return;
    }
    void (async () => {
      const focus = await busy(save, "Lagrer …", async () => {
        try {
          const result = await api.setMilestoneStatus(m.row, statusSelect.value, dateInput.value);
          if (!result.ok) {
            const rejected = show(result.errors);
            announce(status, notice("error", result.message || "Statusen ble ikke lagret."));
            return rejected?.field === "completedDate" ? dateInput : statusSelect;
          }
          announce(status, notice("success", `Status for «${m.title}» er nå ${statusSelect.value}.`));
          return undefined;
        } catch (error) {
          announce(status, notice("error", `Statusen ble ikke lagret: ${(error as Error).message}`));
          return save;
        }
      });
      if (focus) focus.focus();
      else {
        await reload(m.row);
        // The list is drawn anew: the confirmation above it is brought back into view.
        status.scrollIntoView({ block: "nearest" });
      }
    })();
  });

  return h(
    "li",
    { class: `card${m.problems?.length || m.overdue ? " overdue" : m.upcoming ? " upcoming" : ""}`, id },
    h("h3", { id: headingId, tabindex: "-1" }, m.title),
    h("p", { class: "meta" }, flag, `Frist ${showDate(m.dueDate)}`),
    problems,
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Kommune"),
      h("dd", {}, m.municipality ? `${m.municipality} (${m.municipalityNumber})` : m.municipalityNumber),
      h("dt", {}, "Ansvarlig"),
      h("dd", {}, m.responsibleParty),
    ),
    form,
  );
}

function section(title: string, list: MilestoneDto[], empty: string, data: Data, status: HTMLElement, reload: (row?: number) => Promise<void>): HTMLElement {
  const headingId = `s-${title.replace(/[^A-Za-z]/g, "")}`;
  const ul = h("ul", { class: "cards" });
  for (const m of list) append(ul, card(m, data, status, reload));
  return h("section", { "aria-labelledby": headingId }, h("h2", { id: headingId }, `${title} (${list.length})`), list.length ? ul : h("p", {}, empty));
}

async function main(): Promise<void> {
  const app = byId("app");
  const status = h("div", { id: "status", "aria-live": "polite" });
  const content = h("div", { id: "milestones" });
  const refresh = h("button", { type: "button", class: "secondary", id: "refresh" }, "Oppdater listen");
  append(app, h("h1", {}, "Milepæler"), h("div", { class: "actions" }, refresh), status, content);

  const reload = async (focusRow?: number): Promise<void> => {
    let data: Data;
    try {
      data = await api.getMilestones();
    } catch (error) {
      replace(content, notice("error", `Milepælene kunne ikke hentes: ${(error as Error).message}`));
      return;
    }
    const toFix = data.milestones.filter((m) => m.problems?.length);
    const clean = data.milestones.filter((m) => !m.problems?.length);
    const overdue = clean.filter((m) => m.overdue);
    const upcoming = clean.filter((m) => !m.overdue && m.upcoming);
    const rest = clean.filter((m) => !m.overdue && !m.upcoming);
    const unlisted = data.unlisted
      ? h(
          "p",
          { class: "notice notice-warning", id: "unlisted" },
          `${data.unlisted} ${data.unlisted === 1 ? "milepæl har" : "milepæler har"} feil som må rettes i regnearket og vises ikke her. Kontroller rapporten viser hvor feilene er.`,
        )
      : null;
    const others = h("details", { id: "others" }, h("summary", {}, `Alle andre milepæler (${rest.length})`));
    const ul = h("ul", { class: "cards" });
    for (const m of rest) append(ul, card(m, data, status, reload));
    append(others, rest.length ? ul : h("p", {}, "Ingen andre milepæler."));
    replace(
      content,
      unlisted,
      newMilestoneForm(data, status, reload),
      h("p", {}, `I dag er ${showDate(data.today)}. Forsinket betyr at fristen er passert uten at milepælen er fullført eller avlyst.`),
      toFix.length ? section("Må rettes", toFix, "", data, status, reload) : null,
      section("Forsinket", overdue, "Ingen milepæler er forsinket.", data, status, reload),
      section("Frist de neste 30 dagene", upcoming, "Ingen milepæler har frist de neste 30 dagene.", data, status, reload),
      others,
    );
    if (focusRow !== undefined) {
      const heading = document.getElementById(`m${focusRow}-title`);
      if (heading) {
        if (heading.closest("details")) (heading.closest("details") as HTMLDetailsElement).open = true;
        heading.focus();
      } else status.focus();
    }
  };
  refresh.addEventListener("click", () => void busy(refresh, "Henter …", () => reload()));
  await reload();
}

void main();
