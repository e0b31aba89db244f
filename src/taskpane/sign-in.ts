/**
 * The Office dialog's first page (Office requires it on the add-in's own domain): it goes on
 * to the partner API's sign-in page, and nowhere else.
 */
const API_URL = process.env.API_URL ?? "https://localhost:4000";

const target = decodeURIComponent(window.location.hash.slice(1));
const allowed = `${API_URL.replace(/\/$/, "")}/oauth/authorize?`;
if (target.startsWith(allowed)) window.location.replace(target);
else document.body.textContent = "This page only opens the Banqup sign-in.";
