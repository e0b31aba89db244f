/* global require, module, __dirname, process */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { httpsOptions } = require("./scripts/https-options");
const { manifestFor, DEV_ADDIN_URL } = require("./scripts/manifest-for");

const DEV_PORT = Number(process.env.DEV_SERVER_PORT || 3000);

function page(filename, template, chunks) {
  return new HtmlWebpackPlugin({ filename, template, chunks, chunksSortMode: "manual" });
}

module.exports = async (_env, options) => {
  const dev = options.mode !== "production";
  // The preview (development builds only): the same pane beside a grid of an in-memory
  // workbook, for trying the whole job without Excel. Never part of the production bundle.
  const preview = dev || Boolean(process.env.PREVIEW);
  // Where the pane is hosted and which partner API it talks to: configuration, not code.
  const addinUrl = process.env.ADDIN_URL || DEV_ADDIN_URL;
  const apiUrl = process.env.API_URL || "https://localhost:4000";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      "sign-in": "./src/taskpane/sign-in.ts",
      "auth-callback": "./src/taskpane/auth-callback.ts",
      ...(preview ? { "office-shim": "./preview/office-shim.ts", grid: "./preview/preview-entry.ts" } : {}),
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
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"]),
      // The sign-in dialog's two pages: the first goes on to the API's sign-in form, the last
      // hands the answer back to the pane.
      page("sign-in.html", "./src/taskpane/dialog.html", ["sign-in"]),
      page("auth-callback.html", "./src/taskpane/dialog.html", ["auth-callback"]),
      // The shim stands where Office.js would be, so it comes first.
      ...(preview ? [page("preview.html", "./preview/preview.html", ["office-shim", "grid", "taskpane"])] : []),
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
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "https" },
      static: { directory: path.resolve(__dirname, "assets"), publicPath: "/assets" },
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
