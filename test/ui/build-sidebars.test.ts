import { buildSidebars, SIDEBAR_MAX_BYTES, SIDEBARS, SidebarTarget } from "../../scripts/build-sidebars";

describe("built sidebars", () => {
  const built: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    for (const target of Object.keys(SIDEBARS) as SidebarTarget[]) built[target] = await buildSidebars(target);
  });

  it("builds each sidebar the add-ons open by name", () => {
    expect(Object.keys(built.forening).sort()).toEqual(["aktivitet", "kontroller", "milepaeler", "selvtest"]);
    expect(Object.keys(built.sentral).sort()).toEqual(["innsamling", "paaminnelser", "selvtest"]);
  });

  it("makes each one self-contained Norwegian HTML within 100 KB", () => {
    for (const pages of Object.values(built)) {
      for (const [name, html] of Object.entries(pages)) {
        expect({ name, bytes: Buffer.byteLength(html) }).toEqual({ name, bytes: expect.any(Number) });
        expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SIDEBAR_MAX_BYTES);
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nb">/);
        expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|https?:\/\//i);
        // Exactly one inline script: nothing in the bundle closes the <script> early.
        expect(html.match(/<script>/g)).toHaveLength(1);
        expect(html.match(/<\/script>/gi)).toHaveLength(1);
      }
    }
  });

  it("never writes data into the page as HTML", () => {
    for (const pages of Object.values(built)) {
      for (const html of Object.values(pages)) expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
