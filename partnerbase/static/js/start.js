// Start GOV.UK Frontend's components, and those inside content htmx swaps in (the first
// htmx:load is the page itself). A file, not an inline script: the Content-Security-Policy
// allows scripts from this site only.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

initAll();
document.body.addEventListener("htmx:load", (event) => {
  if (event.detail.elt !== document.body) initAll(event.detail.elt);
});
