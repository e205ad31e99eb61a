/* global require, module, process, console */
// Webpack for the task pane, the ribbon commands' function file and the browser preview, in the
// shape of Microsoft's Office-Addin-TaskPane-React template (ts-loader instead of Babel: the project
// is TypeScript end to end and CI type-checks separately with `npm run typecheck`).
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/taskpane/preview.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
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
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` needs certificates; a build must not try to install them.
      server: env.WEBPACK_SERVE ? await devServerTransport() : undefined,
      port,
    },
  };
};
