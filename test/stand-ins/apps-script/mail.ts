import { StandIn } from "./counting";
import { gasError, MESSAGES } from "./errors";

export interface SentMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  sentAt: Date;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  noReply?: boolean;
}

function recipients(...lists: Array<string | undefined>): number {
  return lists.flatMap((l) => (l ?? "").split(",")).filter((a) => a.trim() !== "").length;
}

export class MailApp extends StandIn {
  readonly kind = "MailApp";
  /** sendEmail(to, subject, body, options?) or sendEmail({ to, subject, body, htmlBody, … }). */
  sendEmail(toOrMessage: string | MailOptions, subject?: string, body?: string, options?: MailOptions): void {
    const m: MailOptions =
      typeof toOrMessage === "string"
        ? { ...(options ?? {}), to: toOrMessage, subject, body }
        : { ...toOrMessage };
    if (!m.to && !m.cc && !m.bcc) throw gasError("Failed to send email: no recipient");
    const world = this.view.world;
    const count = recipients(m.to, m.cc, m.bcc);
    const left = world._mailQuotaLeft(this.view.userEmail);
    if (count > left) throw gasError(MESSAGES.mailQuota);
    world._useMailQuota(this.view.userEmail, count);
    world.mail.push({
      from: this.view.userEmail,
      to: m.to ?? "",
      cc: m.cc ?? "",
      bcc: m.bcc ?? "",
      replyTo: m.replyTo ?? "",
      name: m.name ?? "",
      subject: m.subject ?? "",
      body: m.body ?? "",
      htmlBody: m.htmlBody ?? null,
      sentAt: world.clock.now(),
    });
  }
  getRemainingDailyQuota(): number {
    return this.view.world._mailQuotaLeft(this.view.userEmail);
  }
}
