// The dashboard's flow: read the sign-in settings, sign the reader in (or take the development
// token), then load the figures for the filters in the address (?region=&from=&to=, months) and
// again whenever a filter changes. <body data-state> says where it is: starting, signed-out,
// loading, ready or error (with data-query, the /indicators query the figures shown answer).

import { ApiError, fetchConfig, fetchIndicators, indicatorQuery } from "./api.js";
import { Session } from "./auth.js";
import { asOf } from "./format.js";
import { REGIONS } from "./labels.js";
import { clear, drawCharts, render } from "./render.js";

const form = document.getElementById("filters");
const fields = { region: document.getElementById("region"), fromMonth: document.getElementById("from"), toMonth: document.getElementById("to") };
const status = document.getElementById("status");
const signInButton = document.getElementById("sign-in");
const signOutButton = document.getElementById("sign-out");
const accountStatus = document.getElementById("account-status");

let session = null;
let loadNumber = 0;

function setState(state, message = "") {
  document.body.dataset.state = state;
  status.textContent = message;
  status.className = `status status-${state}`;
}

function fillRegions() {
  for (const [code, name] of Object.entries(REGIONS)) fields.region.append(new Option(name, code));
}

/** The filters, from the address (so a view can be bookmarked or shared) into the form. */
function readAddress(search = window.location.search) {
  const query = new URLSearchParams(search);
  const month = (value) => (/^\d{4}-\d{2}$/.test(value ?? "") ? value : "");
  fields.region.value = REGIONS[query.get("region")] ? query.get("region") : "";
  fields.fromMonth.value = month(query.get("from"));
  fields.toMonth.value = month(query.get("to"));
}

function filters() {
  return { region: fields.region.value, fromMonth: fields.fromMonth.value, toMonth: fields.toMonth.value };
}

function writeAddress({ region, fromMonth, toMonth }) {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (fromMonth) query.set("from", fromMonth);
  if (toMonth) query.set("to", toMonth);
  const search = query.toString();
  history.replaceState(history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
}

function showSignedOut(message) {
  clear();
  document.getElementById("as-of").textContent = "";
  signOutButton.hidden = true;
  accountStatus.textContent = "";
  signInButton.hidden = !session?.canSignIn;
  setState("signed-out", session?.canSignIn
    ? message || "Sign in to see the programme's figures."
    : message || "No sign-in is configured for this deployment (Dashboard:ClientId). In development, open the dashboard link that build/run.sh prints.");
}

async function load() {
  const current = ++loadNumber;
  const chosen = filters();
  if (chosen.fromMonth && chosen.toMonth && chosen.fromMonth > chosen.toMonth) {
    setState("error", "The first month is after the last one: change one of them.");
    return;
  }
  writeAddress(chosen);
  const token = await session.token();
  if (!token) {
    showSignedOut("Your session has ended: sign in again.");
    return;
  }
  signInButton.hidden = true;
  signOutButton.hidden = false;
  accountStatus.textContent = "Signed in";
  const query = indicatorQuery(chosen);
  setState("loading", "Loading the figures…");
  try {
    const report = await fetchIndicators(query, token);
    if (current !== loadNumber) return; // a newer filter won
    render(report);
    drawCharts();
    document.getElementById("as-of").textContent = `Figures as of ${asOf(report.asOf)}.`;
    document.body.dataset.query = query;
    setState("ready", "");
  } catch (error) {
    if (current !== loadNumber) return;
    if (error instanceof ApiError && error.status === 401) {
      await session.signOut();
      showSignedOut("Your session has ended: sign in again.");
    } else if (error instanceof ApiError && error.status === 403) {
      clear();
      setState("error", "Your account may not read the programme's figures (it needs the reports:read scope). Ask the programme's administrator.");
    } else {
      setState("error", error instanceof ApiError ? error.message : "The figures could not be loaded: check the connection and try again.");
    }
  }
}

async function start() {
  fillRegions();
  readAddress();
  try {
    session = new Session(await fetchConfig());
    const { token, returnTo } = await session.start();
    if (returnTo !== null) readAddress(returnTo);
    if (!token) {
      showSignedOut();
      return;
    }
    await load();
  } catch (error) {
    setState("error", `The dashboard could not start: ${error.message}`);
  }
}

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("change", () => load());
form.addEventListener("reset", () => setTimeout(load)); // after the form has cleared its fields
signInButton.addEventListener("click", () => session.signIn());
signOutButton.addEventListener("click", async () => {
  await session.signOut();
  showSignedOut("Signed out.");
});

start();
