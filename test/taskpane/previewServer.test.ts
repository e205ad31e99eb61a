/**
 * `npm run preview` as people use it: the dev server the project's webpack.config.js sets up in
 * preview mode answers at "/" with the preview (before, "/" was a 404 and only /preview.html
 * worked), and it serves the guides the pane links (help.html). The bundle itself is left out to keep this quick: the browser test builds and walks it.
 */
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, "..", "..");

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "development" },
) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "localhost", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) =>
    probe.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("npm run preview (webpack serve --env preview)", () => {
  let server: WebpackDevServer | undefined;
  let origin = "";

  beforeAll(async () => {
    const port = await freePort();
    // The config reads the port from PORT in preview mode, as `PORT=4000 npm run preview` does.
    process.env.PORT = String(port);
    const factory = createRequire(__filename)(path.join(repoRoot, "webpack.config.js")) as ConfigFactory;
    const config = await factory({ WEBPACK_SERVE: true, preview: true }, { mode: "development" });
    const compiler = webpack({
      ...config,
      mode: "development",
      context: repoRoot,
      entry: {},
      output: { ...config.output, path: mkdtempSync(path.join(tmpdir(), "water-plan-serve-")) },
      devtool: false,
      infrastructureLogging: { level: "error" },
      stats: "errors-only",
    });
    // The config's own server options; only the browser-side helpers (hot reload) are not wanted here.
    server = new WebpackDevServer(
      { ...config.devServer, hot: false, liveReload: false, client: false },
      compiler,
    );
    await server.start();
    origin = `http://localhost:${port}`;
  });

  afterAll(async () => {
    await server?.stop();
    delete process.env.PORT;
  });

  it("serves the preview at / as at /preview.html", async () => {
    const root = await fetch(`${origin}/`);
    expect(root.status).toBe(200);
    const page = await root.text();
    expect(page).toContain("浏览器预览");
    expect(page).toContain('<div id="container">');
    expect(page).toBe(await (await fetch(`${origin}/preview.html`)).text());
  });
  it("serves 使用说明 (help.html), which the pane's foot links, with its stylesheet and screenshots", async () => {
    const help = await fetch(`${origin}/help.html`);
    expect(help.status).toBe(200);
    expect(help.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await help.text();
    expect(page).toContain("<h1>使用说明</h1>");
    expect((await fetch(`${origin}/help.css`)).status).toBe(200);
    const images = [...page.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const response = await fetch(`${origin}/${image}`);
      expect({ image, status: response.status, type: response.headers.get("content-type") }).toEqual({
        image,
        status: 200,
        type: "image/png",
      });
    }
    expect((await fetch(`${origin}/images/none.png`)).status).toBe(404);
  });

  it("answers only on this machine and lets no other site read its code (no Access-Control-Allow-Origin)", async () => {
    const response = await fetch(`${origin}/preview.html`, {
      headers: { Origin: "https://elsewhere.example" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const address = (server as unknown as { server?: { address(): unknown } }).server?.address();
    expect(address).toMatchObject({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) as unknown });
  });
});
