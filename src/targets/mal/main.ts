// Entry of build/mal/Code.js: the forening code as a script bound to the master template spreadsheet
// (Oppsett's Malregneark) and to every copy «Opprett regneark for ny forening» makes of it. Wiring
// only: the add-on's app and entry points (public.ts derives the list from the add-on's, so a new
// forening function follows automatically), with the top-level menu «Samspill» instead of the add-on
// menu. Nothing touches a service at load time.
import { createForeningApp } from "../forening/app";
import { globalServices } from "../shared/gas";
import { entryPoints } from "../shared/public";
import { PUBLIC_FUNCTIONS } from "./public";

export const entry = entryPoints(PUBLIC_FUNCTIONS, () => createForeningApp(globalServices(), undefined, "bound"));
