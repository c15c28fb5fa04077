// Copies the browser builds of the dashboard's libraries, with their licences, from
// node_modules into wwwroot/vendor, where the service embeds and serves them itself.
// Run after `npm install` when package.json changes a version; commit what it writes.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const target = new URL("./wwwroot/vendor/", import.meta.url);
const files = [
  // Chart.js bundles @kurkle/color into its UMD build: both licences go with it.
  ["chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
  ["chart.js/LICENSE.md", "chart.js.LICENSE.md"],
  ["@kurkle/color/LICENSE.md", "kurkle-color.LICENSE.md"],
  // oidc-client-ts bundles jwt-decode into its browser build.
  ["oidc-client-ts/dist/browser/oidc-client-ts.min.js", "oidc-client-ts.min.js"],
  ["oidc-client-ts/LICENSE", "oidc-client-ts.LICENSE"],
  ["jwt-decode/LICENSE", "jwt-decode.LICENSE"],
];

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const versions = [];
for (const [from, to] of files) {
  copyFileSync(new URL(`./node_modules/${from}`, import.meta.url), new URL(to, target));
}
for (const name of ["chart.js", "@kurkle/color", "oidc-client-ts", "jwt-decode"]) {
  const { version, license } = JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8"));
  versions.push(`${name} ${version} (${license})`);
}
// Source maps are left out on purpose: nothing the page needs, and nothing to serve.
console.log(`vendored into wwwroot/vendor: ${versions.join(", ")}`);
