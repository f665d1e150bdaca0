// Send påminnelser (central): first a preview of who gets what, then sending after a confirmation.
import type { ReminderDto, SentralApi } from "../api-types";
import { createClient, SENTRAL_FUNCTIONS } from "../client";
import { append, busy, byId, h, notice, replace, showDate } from "../dom";

const api = createClient<SentralApi>(SENTRAL_FUNCTIONS);

function reminderItem(r: ReminderDto): HTMLElement {
  return h(
    "li",
    { class: "card" },
    h("h3", {}, r.association),
    h("dl", { class: "facts" }, h("dt", {}, "Til"), h("dd", {}, r.to || "(ingen adresse)"), h("dt", {}, "Emne"), h("dd", {}, r.subject), h("dt", {}, "Hvorfor"), h("dd", {}, r.reason)),
    r.skip ? null : h("details", {}, h("summary", {}, "Vis e-posten"), h("pre", { class: "mail" }, r.body)),
  );
}

async function preview(app: HTMLElement, content: HTMLElement, status: HTMLElement): Promise<void> {
  let data: Awaited<ReturnType<typeof api.previewReminders>>;
  try {
    data = await api.previewReminders();
  } catch (error) {
    replace(content, notice("error", `Forhåndsvisningen kunne ikke lages: ${(error as Error).message}`));
    return;
  }
  const send = data.reminders.filter((r) => !r.skip);
  const skip = data.reminders.filter((r) => r.skip);
  const sendList = h("ul", { class: "cards", id: "to-send" });
  for (const r of send) append(sendList, reminderItem(r));
  const skipList = h("ul", { class: "cards", id: "skipped" });
  for (const r of skip) append(skipList, reminderItem(r));

  const confirmBox = h("div", { id: "confirm" });
  const sendButton = h("button", { type: "button", id: "send" }, send.length === 1 ? "Send 1 påminnelse" : `Send ${send.length} påminnelser`);

  sendButton.addEventListener("click", () => {
    const yes = h("button", { type: "button", class: "danger", id: "confirm-send" }, "Ja, send nå");
    const no = h("button", { type: "button", class: "secondary", id: "cancel-send" }, "Avbryt");
    const question = h("p", { id: "confirm-question", tabindex: "-1" }, h("strong", {}, `Sende ${send.length} e-post${send.length === 1 ? "" : "er"} nå?`), " E-postene kan ikke kalles tilbake.");
    replace(confirmBox, h("div", { class: "confirm", role: "group", "aria-labelledby": "confirm-question" }, question, h("div", { class: "actions" }, yes, no)));
    sendButton.hidden = true;
    yes.focus();
    no.addEventListener("click", () => {
      replace(confirmBox);
      sendButton.hidden = false;
      sendButton.focus();
    });
    yes.addEventListener("click", () => {
      no.disabled = true;
      void busy(yes, "Sender …", async () => {
        try {
          const result = await api.sendReminders();
          replace(confirmBox);
          replace(status, notice(result.sent > 0 ? "success" : "error", result.message || `Sendt ${result.sent} påminnelser; ${result.skipped} hoppet over.`));
          status.focus();
          // The list now shows who got a reminder today (they are skipped next time).
          await preview(app, content, status);
        } catch (error) {
          replace(confirmBox);
          sendButton.hidden = false;
          replace(status, notice("error", `Påminnelsene ble ikke sendt: ${(error as Error).message}`));
          sendButton.focus();
        }
      });
    });
  });

  replace(
    content,
    h("p", {}, data.deadline ? `Fristen for innsending er ${showDate(data.deadline)}.` : "Fristen for innsending er ikke satt i fanen Oppsett."),
    h("h2", {}, `Får påminnelse (${send.length})`),
    send.length ? sendList : h("p", { class: "empty" }, "Ingen foreninger trenger påminnelse."),
    send.length ? h("div", { class: "actions" }, sendButton) : null,
    confirmBox,
    skip.length ? h("h2", {}, `Får ikke påminnelse (${skip.length})`) : null,
    skip.length ? skipList : null,
  );
  void app;
}

function main(): void {
  const app = byId("app");
  const status = h("div", { id: "status", "aria-live": "polite", tabindex: "-1" });
  const content = h("div", { id: "content" });
  append(app, h("h1", {}, "Send påminnelser"), h("p", {}, "Se hvem som får en påminnelse og hva som står i den, før du sender."), status, content);
  void preview(app, content, status);
}

main();
