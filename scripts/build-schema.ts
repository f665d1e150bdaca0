// npm run build:schema: writes summary.schema.json (JSON Schema of the summary JSON) from the zod
// schema in src/core/summary-schema.ts. A test fails when the committed file is out of date.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { summaryJsonSchema } from "../src/core/summary-schema";

export const SCHEMA_FILE = join(__dirname, "..", "summary.schema.json");

export function schemaText(): string {
  return JSON.stringify(summaryJsonSchema(), null, 2) + "\n";
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`summary.schema.json written`);
}
