/**
 * The sidebar preview server (Node): serves every sidebar with the google.script.run stand-in,
 * and answers its calls from the given API implementations. Used by `npm run preview` and by the
 * browser tests.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { join } from "node:path";
import { bundleScript, buildSidebars, inlineScript, SIDEBARS, SidebarTarget } from "../build-sidebars";
import { assertPlain } from "../../src/ui/client";
import type { ForeningApi, SentralApi } from "../../src/ui/api-types";
import { escapeHtml } from "../../src/report/html";

export interface PreviewApis {
  forening: ForeningApi;
  sentral: SentralApi;
}

export interface PreviewServer {
  url: string;
  /** Every server call received, in order (tests read it). */
  calls: Array<{ target: SidebarTarget; name: string; args: unknown[] }>;
  close(): Promise<void>;
}

function indexPage(): string {
  const sections = (Object.keys(SIDEBARS) as SidebarTarget[])
    .map((target) => {
      const links = SIDEBARS[target].map((s) => `<li><a href="/${target}/${s.name}.html">${escapeHtml(s.title)}</a> <small>(${s.name}.html)</small></li>`).join("");
      return `<h2>${target === "forening" ? "Lokalforening (tillegg)" : "Sentralleddet"}</h2><ul>${links}</ul>`;
    })
    .join("");
  return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Samspill – forhåndsvisning av sidepaneler</title>
<style>body{font:17px/1.5 Arial,sans-serif;margin:2rem;max-width:46rem}iframe{width:300px;height:640px;border:1px solid #888}a{font-size:1.1rem}</style></head>
<body><h1>Samspill – forhåndsvisning av sidepaneler</h1>
<p>Sidepanelene bruker demodata i minnet (en lokalforening med noen gyldige rader og noen med feil). I Google Regneark er et sidepanel 300 piksler bredt; åpne gjerne et panel i et smalt vindu.</p>
${sections}</body></html>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startPreview(apis: PreviewApis, options: { port?: number; host?: string } = {}): Promise<PreviewServer> {
  const pages = new Map<string, string>();
  for (const target of Object.keys(SIDEBARS) as SidebarTarget[]) {
    const standIn = await bundleScript(join(__dirname, "stand-in.ts"), { __SAMSPILL_TARGET__: JSON.stringify(target) });
    const built = await buildSidebars(target, `<script>${inlineScript(standIn)}</script>`);
    for (const [name, html] of Object.entries(built)) pages.set(`/${target}/${name}.html`, html);
  }
  const calls: PreviewServer["calls"] = [];

  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
    response.end(body);
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) return send(response, 200, "text/html", indexPage());
    const html = request.method === "GET" ? pages.get(url.pathname) : undefined;
    if (html) return send(response, 200, "text/html", html);
    const api = /^\/api\/(forening|sentral)\/([A-Za-z]+)$/.exec(url.pathname);
    if (request.method === "POST" && api) {
      const target = api[1] as SidebarTarget;
      const name = api[2];
      void readBody(request).then((body) => {
        try {
          const args = JSON.parse(body || "[]") as unknown[];
          if (!Array.isArray(args)) throw new Error("Argumentene må være en liste");
          calls.push({ target, name, args });
          const impl = apis[target] as unknown as Record<string, (...a: unknown[]) => unknown>;
          if (typeof impl[name] !== "function") throw new Error(`Serverfunksjonen ${name} finnes ikke`);
          const value = impl[name](...args);
          // Apps Script fails a call whose result holds a Date or other non-JSON value: so do we.
          if (value !== undefined) assertPlain(value, `svaret fra ${name}`);
          send(response, 200, "application/json", JSON.stringify({ ok: true, value: value ?? null }));
        } catch (error) {
          send(response, 200, "application/json", JSON.stringify({ ok: false, error: (error as Error).message }));
        }
      });
      return;
    }
    send(response, 404, "text/plain", "Finnes ikke");
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
