/** The Europe/Oslo wall clock of the bound scripts: one implementation, in the core (no Intl time zones). */
export { osloDateTime } from "../../core/oslo-time";
