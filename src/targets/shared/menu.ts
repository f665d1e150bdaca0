/** One menu item: the label users see and the public function it runs. */
export interface MenuItem {
  label: string;
  fn: string;
}
export type MenuEntry = MenuItem | "separator";

export function menuFunctions(entries: ReadonlyArray<MenuEntry>): string[] {
  return entries.filter((e): e is MenuItem => e !== "separator").map((e) => e.fn);
}

/**
 * Adds a menu. An add-on's items go under Utvidelser → <add-on name> (createAddonMenu); a bound
 * script gets a top-level menu with its own title.
 */
export function addMenu(ui: GoogleAppsScript.Base.Ui, entries: ReadonlyArray<MenuEntry>, options: { addon: true } | { addon: false; title: string }): void {
  let menu = options.addon ? ui.createAddonMenu() : ui.createMenu(options.title);
  for (const entry of entries) menu = entry === "separator" ? menu.addSeparator() : menu.addItem(entry.label, entry.fn);
  menu.addToUi();
}
