/* global require, module, __dirname, process */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { httpsOptions } = require("./scripts/https-options");
const { manifestFor, DEV_ADDIN_URL } = require("./scripts/manifest-for");

const DEV_PORT = Number(process.env.DEV_SERVER_PORT || 3000);

/** Microsoft's CDN, where Office.js (and the files it loads) come from. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/**
 * The add-in's pages load scripts from their own origin and Office's CDN, and talk to their
 * own origin and the partner API, nothing else. Styles may be inline: Fluent UI (Griffel)
 * inserts its rules at run time.
 */
function contentSecurityPolicy(apiUrl) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // The export's zip library (fflate, under write-excel-file) compresses a large sheet in a
    // worker it makes from a blob: of its own code; nothing else starts workers.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

function page(filename, template, chunks, csp) {
  const meta = csp
    ? { "Content-Security-Policy": { "http-equiv": "Content-Security-Policy", content: csp } }
    : {};
  return new HtmlWebpackPlugin({ filename, template, chunks, chunksSortMode: "manual", meta });
}

module.exports = async (_env, options) => {
  const dev = options.mode !== "production";
  // The preview (development builds only): the same pane beside a grid of an in-memory
  // workbook, for trying the whole job without Excel. Never part of the production bundle.
  const preview = dev || Boolean(process.env.PREVIEW);
  // Where the pane is hosted and which partner API it talks to: configuration, not code.
  const addinUrl = process.env.ADDIN_URL || DEV_ADDIN_URL;
  const apiUrl = process.env.API_URL || "https://localhost:4000";
  const csp = contentSecurityPolicy(apiUrl);
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      "sign-in": "./src/taskpane/sign-in.ts",
      "auth-callback": "./src/taskpane/auth-callback.ts",
      ...(preview
        ? { "office-shim": "./preview/office-shim.ts", grid: "./preview/preview-entry.ts" }
        : {}),
    },
    output: {
      path: path.resolve(__dirname, process.env.DIST_DIR || "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only needs the JavaScript.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // Where the partner API is: configuration, not code (the sandbox by default).
      new webpack.DefinePlugin({
        "process.env.API_URL": JSON.stringify(apiUrl),
        // "Check this Excel" is a development tool: production builds leave it out.
        "process.env.SELF_CHECK": JSON.stringify(dev ? "1" : ""),
      }),
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"], csp),
      // The sign-in dialog's two pages: the first goes on to the API's sign-in form, the last
      // hands the answer back to the pane.
      page("sign-in.html", "./src/taskpane/dialog.html", ["sign-in"], csp),
      page("auth-callback.html", "./src/taskpane/dialog.html", ["auth-callback"], csp),
      // The shim stands where Office.js would be, so it comes first.
      // The preview runs under the pane's policy, so the e2e finds what the policy refuses.
      ...(preview
        ? [page("preview.html", "./preview/preview.html", ["office-shim", "grid", "taskpane"], csp)]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            transform: (content) => manifestFor(content.toString(), { addinUrl, apiUrl }),
          },
          { from: "src/taskpane/support.html" },
          { from: "src/taskpane/privacy.html" },
        ],
      }),
    ],
    performance: { hints: false },
  };
  if (dev) {
    const https = await httpsOptions();
    config.devServer = {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
      server: https ? { type: "https", options: https } : { type: "https" },
      static: { directory: path.resolve(__dirname, "assets"), publicPath: "/assets" },
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
