// npm run preview: every sidebar in an ordinary browser, with a google.script.run stand-in backed
// by an in-memory demo workbook. Usage: npm run preview [-- --port 8787]
import { todayInOslo } from "../src/core/dates";
import { createPreviewApis } from "./preview/apis";
import { startPreview } from "./preview/server";

async function main(): Promise<void> {
  const portArgument = process.argv.indexOf("--port");
  const port = Number(portArgument >= 0 ? process.argv[portArgument + 1] : (process.env.PORT ?? 8787));
  const setup = await createPreviewApis({ today: todayInOslo(new Date()), log: (line) => console.log(line) });
  const server = await startPreview(setup.apis, { port });
  console.log(`Samspill sidepaneler (${setup.source}): ${server.url}/`);
  console.log("Ctrl+C avslutter.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
