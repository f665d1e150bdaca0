import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { describeWorkbookContract } from "./contract";

describeWorkbookContract("memory", { open: async (initial) => new MemoryWorkbook(initial) });
