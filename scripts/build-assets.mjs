// Copy the front-end files Partnerbase serves from node_modules into
// partnerbase/static/vendor/ (gitignored; rebuilt by `npm ci && npm run build`).
//
//   vendor/govuk/govuk-frontend.min.css   url()s rewritten to ./assets/, GDS Transport removed
//   vendor/govuk/govuk-frontend.min.js    ES module: import { initAll } from it
//   vendor/govuk/assets/                  images and manifest.json
//   vendor/htmx/htmx.min.js
//   vendor/cytoscape/cytoscape.min.js    the partnership map's graph library (window.cytoscape)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const govukDist = join(root, "node_modules/govuk-frontend/dist/govuk");
const htmxDist = join(root, "node_modules/htmx.org/dist");
const cytoscapeDist = join(root, "node_modules/cytoscape/dist");
const vendor = join(root, "partnerbase/static/vendor");

// GDS Transport is licensed for exclusive use on gov.uk; Partnerbase is not a GOV.UK
// service, so the CSS falls back to Arial (the font stack GOV.UK Frontend already names).
const USE_GDS_TRANSPORT = false;

function need(path) {
  if (!existsSync(path)) {
    console.error(`build-assets: ${relative(root, path)} is missing; run \`npm ci\` first.`);
    process.exit(1);
  }
  return path;
}

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(need(from), to, { recursive: true });
}

function buildCss(source) {
  // The compiled CSS points at /assets/...; a relative path resolves beside the CSS file
  // under /static/vendor/govuk/ and is what ManifestStaticFilesStorage can hash.
  let css = source.replaceAll("url(/assets/", "url(assets/");
  if (!USE_GDS_TRANSPORT) {
    css = css
      .replace(/\/\*![^*]*exclusive use on gov\.uk[^*]*\*\//g, "")
      .replace(/@font-face\{font-family:"?GDS Transport"?;[^}]*\}/g, "")
      .replace(/"?GDS Transport"?,/g, "");
    if (/GDS Transport/.test(css)) throw new Error("GDS Transport still referenced in the CSS");
  }
  // The upstream source map no longer matches the rewritten file, and a dangling
  // sourceMappingURL makes collectstatic's manifest storage fail.
  return css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "");
}

rmSync(vendor, { recursive: true, force: true });
const govukOut = join(vendor, "govuk");
mkdirSync(govukOut, { recursive: true });

const css = buildCss(readFileSync(need(join(govukDist, "govuk-frontend.min.css")), "utf8"));
writeFileSync(join(govukOut, "govuk-frontend.min.css"), css);

copy(join(govukDist, "govuk-frontend.min.js"), join(govukOut, "govuk-frontend.min.js"));
copy(join(govukDist, "govuk-frontend.min.js.map"), join(govukOut, "govuk-frontend.min.js.map"));
copy(join(govukDist, "assets/images"), join(govukOut, "assets/images"));
copy(join(govukDist, "assets/manifest.json"), join(govukOut, "assets/manifest.json"));
if (USE_GDS_TRANSPORT) copy(join(govukDist, "assets/fonts"), join(govukOut, "assets/fonts"));

copy(join(htmxDist, "htmx.min.js"), join(vendor, "htmx/htmx.min.js"));
copy(join(cytoscapeDist, "cytoscape.min.js"), join(vendor, "cytoscape/cytoscape.min.js"));

// Every url() the CSS keeps must exist, or pages quietly lose their images.
for (const [, url] of css.matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
  if (url.startsWith("data:")) continue;
  if (!existsSync(join(govukOut, url))) throw new Error(`CSS refers to missing file ${url}`);
}

const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"))).version;
console.log(
  `build-assets: govuk-frontend ${version("govuk-frontend")}, htmx.org ${version("htmx.org")},` +
    ` cytoscape ${version("cytoscape")}` +
    ` -> ${relative(root, vendor)}/`,
);
