// Entry of build/sentral/Code.js: `entry` holds one function per name in PUBLIC_FUNCTIONS (public.ts)
// and scripts/build.ts adds a top-level wrapper per name that calls it. Nothing runs at load time.
import { globalServices } from "../shared/gas";
import { entryPoints } from "../shared/public";
import { createSentralApp } from "./app";
import { PUBLIC_FUNCTIONS } from "./public";

export const entry = entryPoints(PUBLIC_FUNCTIONS, () => createSentralApp(globalServices()));
