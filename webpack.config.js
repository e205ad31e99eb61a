/* global require, module, process, console */
// Webpack for the task pane, the ribbon commands' function file and the browser preview, in the
// shape of Microsoft's Office-Addin-TaskPane-React template (ts-loader instead of Babel: the project
// is TypeScript end to end and CI type-checks separately with `npm run typecheck`).
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

/** Where `npm run dev-server` serves the add-in; manifest.xml names this origin. */
const urlDev = "https://localhost:3000/";
/**
 * Where the production build is deployed. DEPLOYERS CHANGE THIS (and SupportUrl in manifest.xml) to
 * the HTTPS address that serves dist/; `npm run build` writes it into dist/manifest*.xml in place of
 * urlDev. `.invalid` is a reserved top-level domain, so an unchanged build can never reach a stranger.
 */
const urlProd = "https://water-plan.example.invalid/";

/** Escapes a literal for a RegExp (the URLs hold dots). */
function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * HTTPS options for the dev server from office-addin-dev-certs (Office only loads add-ins over HTTPS).
 * Where certificates cannot be made or trusted (a container, a CI box) the server falls back to plain
 * HTTP: the browser preview still works, sideloading into Excel does not.
 */
async function devServerTransport() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(
      `\n[water-plan] Could not create or trust HTTPS dev certificates (${error instanceof Error ? error.message : String(error)}).\n` +
        "[water-plan] Serving over plain HTTP: open http://localhost:3000/preview.html for the browser preview;\n" +
        "[water-plan] Excel needs HTTPS, so run `npx office-addin-dev-certs install` before sideloading.\n",
    );
    return { type: "http" };
  }
}

/**
 * The browser preview's "Download .xlsx" runs the xlsx host (the CLI's ExcelJS code) in the
 * browser, in a chunk loaded on that click. ExcelJS brings its own browser build (its package's
 * "browser" field); the host's modules also name Node built-ins for work a browser never asks of
 * them (opening and saving files, repairing files other programs saved), so those resolve to empty
 * modules here, and `Buffer`, which the host uses on bytes, comes from the `buffer` package.
 * Nothing else in the bundles names them: the task pane's chunks stay as they were.
 */
const browserShims = {
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
      resource.request = resource.request.replace(/^node:/, "");
    }),
    new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
  ],
  fallback: { crypto: false, fs: false, "fs/promises": false, path: false, zlib: false },
};

const guideTypes = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
};

/**
 * scripts/package/guideSite.ts: required as it is where TypeScript is loaded already (Jest, tsx),
 * through tsx's API under plain Node (`webpack serve`), which cannot read TypeScript.
 */
function loadGuideSite() {
  const file = "./scripts/package/guideSite.ts";
  try {
    return require(file);
  } catch {
    return require("tsx/cjs/api").require(file, __filename);
  }
}

/**
 * The dev server's guides: help.html (使用说明, which the pane's foot links), deploy-guide.html,
 * help.css and the screenshots, rendered from docs/ on each request by the package's own code
 * (scripts/package/guideSite.ts, TypeScript, loaded through tsx), so the link works under
 * `npm run start` and `npm run preview` and shows the docs as they are now. Bundles leave the guides
 * to `npm run package`.
 */
function serveGuides(request, response, next) {
  const name = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname).replace(
    /^\/+/,
    "",
  );
  if (!/^(help\.html|deploy-guide\.html|help\.css|images\/[\w.-]+\.png)$/.test(name)) {
    next();
    return;
  }
  const { guideSiteFiles } = loadGuideSite();
  const { version } = require("./package.json");
  const content = guideSiteFiles(path.join(__dirname, "docs"), version).get(name);
  if (content === undefined) {
    next();
    return;
  }
  response.writeHead(200, { "content-type": guideTypes[path.extname(name)], "cache-control": "no-cache" });
  response.end(Buffer.from(content));
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // `npm run preview` serves the browser preview over plain HTTP on PORT (default 3000), no
  // certificates needed; `npm run dev-server` serves the add-in over HTTPS on the manifest's port.
  const preview = Boolean(env.preview);
  const port = preview
    ? Number(process.env.PORT || 3000)
    : Number(process.env.npm_package_config_dev_server_port || 3000);

  return {
    devtool: "source-map",
    entry: {
      // The ribbon's commands (src/commands) run in the task pane's page: see the shared runtime
      // in manifest.xml. So there is no function file of their own.
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/taskpane/preview.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded after the first paint (the engine, the results, the .xlsx writer); the hash
      // lets a deployer cache them for ever.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // `import("./x.js")`: the type-check resolves like Node, which wants the emitted name; the
      // source is x.ts or x.tsx.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      fallback: browserShims.fallback,
      alias: {
        // zod's ES build re-exports `iso` as a nested namespace (`export * as iso`), and webpack
        // resolves `z.iso.date()` to the top-level `date()` (z.date, which rejects "2023-12-31"):
        // parsing a plan in the pane failed on every deadline. The pane no longer parses the built-in
        // plan (see src/core/plan/builtinPlans.ts), but any bundle that parses a plan gets zod's
        // CommonJS build, as Node and Jest do.
        zod$: require.resolve("zod"),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // The project tsconfig is for type-checking only (noEmit) and resolves like Node for
              // the CLI; here TypeScript must emit, and emitting ES modules lets webpack tree-shake
              // Fluent UI. Type errors are CI's `npm run typecheck`, so the bundle is only transpiled
              // (safe: the tsconfig sets isolatedModules).
              transpileOnly: true,
              compilerOptions: {
                noEmit: false,
                sourceMap: true,
                module: "es2022",
                moduleResolution: "bundler",
              },
            },
          },
        },
      ],
    },
    plugins: [
      ...browserShims.plugins,
      // The add-in's version for the pane (src/taskpane/appVersion.ts), without bundling package.json.
      new webpack.DefinePlugin({ WATER_PLAN_VERSION: JSON.stringify(require("./package.json").version) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              return content.toString().replace(new RegExp(literal(urlDev), "g"), urlProd);
            },
          },
        ],
      }),
    ],
    performance: {
      // The task pane loads once per session from the deployer's server; Fluent UI and React alone
      // pass webpack's 244 KiB hint, so the hint would only be noise.
      hints: false,
    },
    devServer: {
      hot: true,
      // Only this machine reaches the dev server (webpack's default would answer on every interface),
      // and no CORS header: Excel loads the pane as a page, never by a cross-origin request, so
      // Microsoft's template's `Access-Control-Allow-Origin: *` only let any web page read the code.
      // test/taskpane/contentSecurityPolicy.test.ts checks both.
      host: "localhost",
      // Only `webpack serve` needs certificates; a build must not try to install them, nor the preview.
      server: env.WEBPACK_SERVE && !preview ? await devServerTransport() : preview ? "http" : undefined,
      port,
      setupMiddlewares(middlewares) {
        middlewares.unshift({ name: "water-plan-guides", middleware: serveGuides });
        return middlewares;
      },
      // The preview answers at "/" too: the address `npm run preview` prints is the one people open.
      ...(preview
        ? {
            open: false,
            client: { overlay: true, logging: "warn" },
            devMiddleware: { index: "preview.html" },
          }
        : {}),
    },
  };
};
