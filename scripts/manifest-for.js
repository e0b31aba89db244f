/* global module */
/**
 * The manifest for a deployment: every URL of the development manifest points at where the
 * pane is hosted (ADDIN_URL), and the API's origin (API_URL) is an app domain, so that the
 * sign-in dialog may go there.
 */
const DEV_ADDIN_URL = "https://localhost:3000";
const DEV_API_ORIGIN = "https://localhost:4000";

function manifestFor(xml, { addinUrl, apiUrl }) {
  const addin = addinUrl.replace(/\/$/, "");
  const apiOrigin = new URL(apiUrl).origin;
  return xml
    .split(`<AppDomain>${DEV_API_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${apiOrigin}</AppDomain>`)
    .split(DEV_ADDIN_URL)
    .join(addin);
}

module.exports = { manifestFor, DEV_ADDIN_URL };
