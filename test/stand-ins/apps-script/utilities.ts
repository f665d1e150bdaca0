import { StandIn } from "./counting";
import { formatInZone } from "./dates";

export class Utilities extends StandIn {
  readonly kind = "Utilities";
  /** Advances the world's virtual clock; returns at once. */
  sleep(milliseconds: number): void {
    this.view.world.clock.advance(milliseconds);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    return formatInZone(new Date(date), timeZone, format);
  }
}
