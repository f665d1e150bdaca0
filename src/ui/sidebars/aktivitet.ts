// Registrer aktivitet: a form whose fields come from the server (derived from the Aktiviteter
// template) and whose checks are the core's own checkRecord, bundled here: the same rules and
// Norwegian messages as the sheet. The server checks again before it appends the row.
import type { FieldDto, ForeningApi } from "../api-types";
import { createClient, FORENING_FUNCTIONS } from "../client";
import { todayInOslo } from "../../core/dates";
import { checkRecord } from "../../core/read";
import { activities } from "../../core/templates/association";
import { append, busy, byId, h, notice, replace } from "../dom";

const api = createClient<ForeningApi>(FORENING_FUNCTIONS);

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface FieldView {
  field: FieldDto;
  control: Control;
  error: HTMLElement;
  /** A warning that does not stop saving (personal data in Tittel): shown while the person types. */
  warning: HTMLElement;
  helpId: string;
}

type Message = { field: string; message: string };

/** Text fields longer than this get a multi-line box. */
const TEXTAREA_FROM = 500;

function control(field: FieldDto, id: string, describedBy: string): Control {
  const common = { id, name: field.key, "aria-describedby": describedBy, "aria-required": field.required ? "true" : undefined };
  switch (field.kind) {
    case "list": {
      const select = h("select", common);
      if (field.default === undefined) append(select, h("option", { value: "" }, field.required ? "Velg …" : "(ingen)"));
      for (const value of field.values ?? []) append(select, h("option", { value, selected: value === field.default }, value));
      return select;
    }
    case "date":
      return h("input", { ...common, type: "date", autocomplete: "off" });
    case "whole":
    case "decimal":
      return h("input", { ...common, type: "text", inputmode: field.kind === "whole" ? "numeric" : "decimal", autocomplete: "off" });
    case "municipality":
      return h("input", { ...common, type: "text", inputmode: "numeric", autocomplete: "off", maxlength: 4 });
    case "email":
      return h("input", { ...common, type: "email", autocomplete: "email" });
    default:
      if ((field.maxLength ?? 0) >= TEXTAREA_FROM) return h("textarea", { ...common, rows: 3 });
      return h("input", { ...common, type: "text", autocomplete: "off" });
  }
}

function fieldView(field: FieldDto): { view: FieldView; element: HTMLElement } {
  const id = `f-${field.key}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const input = control(field, id, helpId);
  const error = h("p", { id: errorId, class: "field-error" });
  const warning = h("p", { id: `${id}-warning`, class: "field-warning" });
  const label = h("label", { for: id }, field.label);
  const element = h("div", { class: "field" }, label, h("p", { id: helpId, class: "help" }, field.help), input, error, warning);
  return { view: { field, control: input, error, warning, helpId }, element };
}

/** The control is described by its error (when invalid), its warning (when any) and its help. */
function describe(view: FieldView): void {
  const ids = [view.control.hasAttribute("aria-invalid") ? view.error.id : "", view.warning.textContent ? view.warning.id : "", view.helpId];
  view.control.setAttribute("aria-describedby", ids.filter(Boolean).join(" "));
}

/** The core's warnings under their fields: they inform, they never stop saving. */
function showWarnings(views: ReadonlyArray<FieldView>, warnings: ReadonlyArray<Message>): void {
  for (const view of views) {
    const text = warnings.filter((w) => w.field === view.field.key).map((w) => w.message).join(" ");
    if ((view.warning.textContent ?? "") === text) continue;
    replace(view.warning, text);
    describe(view);
  }
}

function showErrors(views: ReadonlyArray<FieldView>, errors: ReadonlyArray<{ field: string; message: string }>): FieldView | undefined {
  const byField = new Map<string, string[]>();
  for (const e of errors) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
  let first: FieldView | undefined;
  for (const view of views) {
    const messages = byField.get(view.field.key);
    replace(view.error, messages ? messages.join(". ") : "");
    if (messages) {
      view.control.setAttribute("aria-invalid", "true");
      first ??= view;
    } else view.control.removeAttribute("aria-invalid");
    describe(view);
  }
  return first;
}

/** The problems at the top of the form, each a link to its field. */
function errorSummary(views: ReadonlyArray<FieldView>, errors: ReadonlyArray<{ field: string; message: string }>): HTMLElement {
  const list = h("ul", { class: "error-links" });
  for (const error of errors) {
    const view = views.find((v) => v.field.key === error.field);
    const link = h("a", { href: `#${view?.control.id ?? ""}` }, error.message);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      view?.control.focus();
    });
    append(list, h("li", {}, link));
  }
  const headline = errors.length === 1 ? "Skjemaet har 1 feil. Rett den og prøv igjen:" : `Skjemaet har ${errors.length} feil. Rett dem og prøv igjen:`;
  return h("div", { class: "notice notice-error", role: "alert" }, h("p", {}, headline), list);
}

function valuesOf(views: ReadonlyArray<FieldView>): Record<string, string> {
  return Object.fromEntries(views.map((v) => [v.field.key, v.control.value]));
}

async function main(): Promise<void> {
  const app = byId("app");
  const status = h("div", { id: "status", "aria-live": "polite" });
  append(app, h("h1", {}, "Registrer aktivitet"), status);
  let form: Awaited<ReturnType<typeof api.getActivityForm>>;
  try {
    form = await api.getActivityForm();
  } catch (error) {
    replace(status, notice("error", `Skjemaet kunne ikke lastes: ${(error as Error).message}`));
    return;
  }
  const context = { year: form.year, today: todayInOslo(new Date()) };
  const intro = h("p", {}, `Aktiviteten legges til som en ny rad i fanen Aktiviteter for rapportåret ${form.year}. Felt merket «Påkrevd» må fylles ut.`);
  const element = h("form", { id: "activity-form", novalidate: true, "aria-describedby": "form-intro" });
  intro.id = "form-intro";
  const views: FieldView[] = [];
  for (const field of form.fields) {
    const { view, element: fieldElement } = fieldView(field);
    views.push(view);
    append(element, fieldElement);
  }
  const submit = h("button", { type: "submit", id: "save" }, "Legg til aktivitet");
  const reset = h("button", { type: "button", class: "secondary", id: "clear" }, "Tøm skjemaet");
  append(element, h("div", { class: "actions" }, submit, reset));
  app.insertBefore(intro, status);
  append(app, element);

  let attempted = false;
  const check = () => checkRecord(activities, valuesOf(views), context).errors;
  const warningsNow = () => checkRecord(activities, valuesOf(views), context).warnings;
  // A warning (a phone number in Tittel, say) shows while the person types, before saving; it
  // never stops the save. After a save attempt, a field's error goes away as soon as what is typed
  // there is right. New errors appear only on save: checking on blur would move the button as it is clicked.
  element.addEventListener("input", (event) => {
    showWarnings(views, warningsNow());
    if (!attempted) return;
    const view = views.find((v) => v.control === event.target);
    if (!view || !view.control.hasAttribute("aria-invalid")) return;
    const remaining = check().filter((e) => view.field.key === e.field || views.some((v) => v !== view && v.control.hasAttribute("aria-invalid") && v.field.key === e.field));
    showErrors(views, remaining);
  });
  reset.addEventListener("click", () => {
    element.reset();
    attempted = false;
    showErrors(views, []);
    showWarnings(views, []);
    replace(status);
    views[0]?.control.focus();
  });
  element.addEventListener("submit", (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    attempted = true;
    const errors = check();
    const first = showErrors(views, errors);
    if (first) {
      replace(status, errorSummary(views, errors));
      first.control.focus();
      return;
    }
    void save();
  });

  async function save(): Promise<void> {
    const values = valuesOf(views);
    const warnings = warningsNow();
    const focusAfter = await busy(submit, "Lagrer …", async (): Promise<HTMLElement | undefined> => {
      try {
        const result = await api.addActivity(values);
        if (result.ok) {
          element.reset();
          attempted = false;
          showErrors(views, []);
          showWarnings(views, []);
          const title = values.title ? ` «${values.title.trim()}»` : "";
          replace(status, notice("success", `Aktiviteten${title} er lagt til i rad ${result.row} i fanen Aktiviteter.`));
          // The row is saved; what the warning said still holds for the sheet, so it stays in view.
          for (const w of warnings) append(status, h("p", { class: "notice notice-warning", role: "status" }, w.message));
          return views[0]?.control;
        }
        const firstRejected = showErrors(views, result.errors);
        replace(status, notice("error", result.message || "Aktiviteten ble ikke lagret."));
        return firstRejected?.control ?? submit;
      } catch (error) {
        replace(status, notice("error", `Aktiviteten ble ikke lagret: ${(error as Error).message}`));
        return submit;
      }
    });
    focusAfter?.focus();
  }
  views[0]?.control.focus();
}

void main();
