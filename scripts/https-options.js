/* global require, module, process */
const fs = require("fs");
const os = require("os");
const path = require("path");

/**
 * HTTPS for the dev server. Office requires add-ins to be served over HTTPS from a trusted
 * certificate: office-addin-dev-certs creates one and installs its CA. Where the CA cannot be
 * installed (Linux without sudo, CI), the generated certificate is still used and the user is
 * told how to trust it; where nothing can be generated, the dev server's own self-signed one.
 */
async function httpsOptions() {
  const folder = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["localhost.crt", "localhost.key", "ca.crt"].map((name) => path.join(folder, name));
  // `npm start` makes the certificate once and tells the servers it starts to reuse it: two
  // processes making it at the same time could leave a key that does not match its certificate.
  if (process.env.DEV_CERTS_READY && files.every((file) => fs.existsSync(file))) {
    const [cert, key, ca] = files.map((file) => fs.readFileSync(file));
    return { cert, key, ca };
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const cert = path.join(folder, "localhost.crt");
    const key = path.join(folder, "localhost.key");
    const reason = String((error && error.message) || error).split("\n")[0];
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      process.stderr.write(
        `\n[https] The development certificate authority could not be installed (${reason}).\n` +
          `[https] Serving with ${cert}. To avoid certificate warnings, trust ${path.join(folder, "ca.crt")}\n` +
          `[https] in your browser or system, or run "npx office-addin-dev-certs install" as an administrator.\n\n`
      );
      return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(path.join(folder, "ca.crt")) };
    }
    process.stderr.write(
      `\n[https] No development certificate could be created (${reason}).\n` +
        `[https] Serving with a temporary self-signed certificate: your browser will warn once; accept it to continue.\n\n`
    );
    return undefined;
  }
}

module.exports = { httpsOptions };
