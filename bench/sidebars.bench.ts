// Sidebar sizes (SPEC "Budgets": each sidebar .html ≤ 100 KB): sidebar.maxBytes plus each one's size.
import { buildSidebars, SIDEBARS, SidebarTarget } from "../scripts/build-sidebars";
import { Figure } from "./figures";

export async function figures(): Promise<Figure[]> {
  const sizes: Figure[] = [];
  for (const target of Object.keys(SIDEBARS) as SidebarTarget[]) {
    const pages = await buildSidebars(target);
    for (const [name, html] of Object.entries(pages)) {
      sizes.push({ name: `sidebar.${target}.${name}.bytes`, value: Buffer.byteLength(html, "utf8"), unit: "bytes", note: `build/${target}/${name}.html, JS and CSS inlined` });
    }
  }
  const max = Math.max(...sizes.map((f) => f.value));
  return [{ name: "sidebar.maxBytes", value: max, unit: "bytes", note: "largest built sidebar .html (budget 102400)" }, ...sizes];
}
