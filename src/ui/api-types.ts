/**
 * The contract between sidebars (browser) and the server functions they call through
 * google.script.run. Only plain JSON crosses: dates are ISO text "YYYY-MM-DD" or ISO instants.
 */

export interface ProblemDto {
  sheet: string;
  cell: string;
  code: string;
  severity: "error" | "warning";
  message: string;
}

/** A form field derived from a template column (src/core/templates): the same rules as the sheet. */
export interface FieldDto {
  key: string;
  label: string;
  kind: "text" | "whole" | "decimal" | "date" | "list" | "municipality" | "orgNumber" | "email";
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  values?: string[];
  default?: string | number;
  help: string;
}

export type SaveResult =
  | { ok: true; row: number; message: string }
  | { ok: false; errors: Array<{ field: string; message: string }>; message: string };

export interface MilestoneDto {
  /** 1-based sheet row in Milepæler. */
  row: number;
  municipalityNumber: string;
  municipality: string;
  title: string;
  dueDate: string;
  responsibleParty: string;
  status: string;
  completedDate: string;
  overdue: boolean;
  /** Due within the next 30 days and not done. */
  upcoming: boolean;
  /** Errors of the row in Status or Fullført dato (Norwegian), which the sidebar can fix. */
  problems?: string[];
}

/** Server functions of the `forening` add-on that sidebars call. */
export interface ForeningApi {
  /** Runs Kontroller rapporten: validates, marks cells, returns every problem. */
  getProblems(): { problems: ProblemDto[]; errors: number; warnings: number; checkedAt: string };
  /** Selects (activates) a cell so the user sees it, e.g. ("Aktiviteter", "F7"). */
  selectCell(sheet: string, cell: string): void;
  getActivityForm(): { fields: FieldDto[]; year: number; municipalityNumber: string };
  /** Checks again on the server and appends the row under a document lock. */
  addActivity(values: Record<string, string>): SaveResult;
  /** unlisted: rows left out because they have errors the sidebar cannot fix (Kontroller rapporten shows them). */
  getMilestones(): { today: string; milestones: MilestoneDto[]; statuses: string[]; unlisted: number; fields: FieldDto[]; municipalityNumber: string };
  /** A new milestone: checked again on the server (the Milepæler template's rules), appended under a document lock. */
  addMilestone(values: Record<string, string>): SaveResult;
  /** completedDate: ISO date, required when status is Fullført. */
  setMilestoneStatus(row: number, status: string, completedDate: string): SaveResult;
}

export interface CollectionRowDto {
  id: string;
  name: string;
  county: string;
  status: string;
  submittedAt: string;
  errors: number;
  readAt: string;
}

export interface ReminderDto {
  associationId: string;
  association: string;
  to: string;
  subject: string;
  body: string;
  /** Why this association is reminded, or why it is skipped. */
  reason: string;
  skip: boolean;
}

/** Selvtest's result (services/selftest.ts): each check OK or FEIL with what it means and what to do. */
export interface SelfTestDto {
  ok: boolean;
  checks: Array<{ id: string; title: string; ok: boolean; meaning: string; action: string; detail: string }>;
  ranAt: string;
  seconds: number;
}

/** The one server function of the Selvtest sidebar, in both targets. */
export interface SelfTestApi {
  getSelfTest(): SelfTestDto;
}

/** Server functions of the `sentral` script that sidebars call. */
export interface SentralApi {
  getCollectionStatus(): {
    year: number;
    deadline: string;
    counts: Record<string, number>;
    rows: CollectionRowDto[];
    lastRun: string;
    running: boolean;
  };
  previewReminders(): { deadline: string; reminders: ReminderDto[] };
  sendReminders(): { sent: number; skipped: number; message: string };
}
