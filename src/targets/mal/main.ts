// Entry of build/mal/Code.js: the forening code as a script bound to the master template spreadsheet
// (Oppsett's Malregneark) and to every copy «Opprett regneark for ny forening» makes of it. Wiring
// only: the same entry points as the add-on (so a new forening function follows automatically), with
// the top-level menu «Samspill» instead of the add-on menu. Nothing touches a service at load time.
import { useBoundMenu } from "../forening/main";

export * from "../forening/main";

useBoundMenu();
