import { StandIn } from "./counting";
import { gasError, MESSAGES } from "./errors";

export interface SentMail {
  from: string;
  to: string;
  subject: string;
  body: string;
  sentAt: Date;
}

export class MailApp extends StandIn {
  readonly kind = "MailApp";
  /** Each address in `to` (comma-separated) counts against the sender's daily recipient quota. */
  sendEmail(to: string, subject: string, body: string): void {
    const recipients = to.split(",").filter((a) => a.trim() !== "").length;
    if (recipients === 0) throw gasError("Failed to send email: no recipient");
    const world = this.view.world;
    if (recipients > world._mailQuotaLeft(this.view.userEmail)) throw gasError(MESSAGES.mailQuota);
    world._useMailQuota(this.view.userEmail, recipients);
    world.mail.push({ from: this.view.userEmail, to, subject, body, sentAt: world.clock.now() });
  }
  getRemainingDailyQuota(): number {
    return this.view.world._mailQuotaLeft(this.view.userEmail);
  }
}
