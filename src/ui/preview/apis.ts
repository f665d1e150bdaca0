import { IsoDate } from "../../core/dates";
import { MemoryWorkbook } from "../../adapters/memory/memory-workbook";
import type { ReminderDto } from "../api-types";
import { demoAssociationWorkbook } from "./demo";
import { createFakeForeningApi, createFakeSentralApi } from "./fake-apis";
import { PreviewApis } from "./server";

export interface PreviewSetup {
  apis: PreviewApis;
  /** The association workbook behind the forening sidebars. */
  workbook: MemoryWorkbook;
  /** Cells the sidebars asked to select, as "Sheet!A1". */
  selected: string[];
  /** Reminders "sent" through the sentral stand-in. */
  sent: ReminderDto[];
  /** Which implementations answer: the stand-ins in src/ui/preview or the real target modules. */
  source: string;
}

/** The APIs behind the preview and the browser tests, over a demo workbook. */
export function createPreviewApis(options: { today: IsoDate; log?: (line: string) => void }): PreviewSetup {
  const workbook = demoAssociationWorkbook(options.today);
  const now = () => new Date(`${options.today}T10:00:00Z`);
  const selected: string[] = [];
  const sent: ReminderDto[] = [];
  const forening = createFakeForeningApi({
    workbook,
    now,
    userEmail: () => "kari@example.no",
    withDocumentLock: (fn) => fn(),
    selectCell: (sheet, cell) => {
      selected.push(`${sheet}!${cell}`);
      options.log?.(`selectCell ${sheet}!${cell}`);
    },
  });
  return { apis: { forening, sentral: createFakeSentralApi(now, sent) }, workbook, selected, sent, source: "stand-in APIs over a MemoryWorkbook" };
}
