import { StandIn } from "./counting";
import { ChartType } from "./enums";

/** The Charts global: only its enums are used with embedded charts. */
export class Charts extends StandIn {
  readonly kind = "Charts";
  readonly ChartType = ChartType;
}
