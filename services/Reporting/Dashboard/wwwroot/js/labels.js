// Words for the catalogue's codes (CATALOGUE.md: Indicators, Reference codes). The page shows
// whatever indicators /indicators answers, in the catalogue's order; a code not listed here is
// still shown, under a name made from its code.

/** The catalogue's 15 indicators. kind: how a figure reads (count, share in %, mean in points). */
export const INDICATORS = {
  "returnees-registered": { title: "Returnees registered", kind: "count", about: "Distinct returnees registered with the programme." },
  "returnees-reached": { title: "Returnees reached", kind: "count", about: "Distinct returnees who received at least one psychosocial service: a counselling session, a group session or a workshop." },
  "counselling-sessions": { title: "Counselling sessions", kind: "count", about: "Individual and family counselling sessions held." },
  "group-sessions": { title: "Group sessions", kind: "count", about: "Group psychosocial sessions held (IASC layer 2)." },
  "assessments": { title: "Assessments", kind: "count", about: "Wellbeing and mental-health assessments recorded." },
  "wellbeing-improved": { title: "Wellbeing improved", kind: "share", about: "Share of returnees with two or more WHO-5 assessments whose latest score is at least 10 points above their first." },
  "risk-flags": { title: "Risk flags", kind: "count", about: "Self-harm flags raised for urgent follow-up (PHQ-9)." },
  "referrals": { title: "Referrals", kind: "count", about: "Referrals made to other services." },
  "workers-trained": { title: "Workers trained", kind: "count", about: "Distinct social and health workers who completed at least one training." },
  "knowledge-gain": { title: "Knowledge gain", kind: "mean", about: "Mean gain from pre-test to post-test score, over participants who completed with both." },
  "workers-certified": { title: "Workers certified", kind: "count", about: "Distinct workers certified." },
  "awareness-events": { title: "Awareness events", kind: "count", about: "Care campaigns, information sessions, dialogues, broadcasts and school sessions held." },
  "people-reached": { title: "People reached by awareness", kind: "count", about: "People reached by awareness events, as counted by the partners." },
  "workshops": { title: "Workshops", kind: "count", about: "Workshops held with returnees (IASC layer 2)." },
  "cases-closed": { title: "Cases closed", kind: "count", about: "Returnees' cases closed, by reason." },
};

export const DIMENSIONS = {
  sex: "Sex", ageGroup: "Age group", region: "Region", returnedFrom: "Returned from", vulnerability: "Vulnerability",
  intervention: "Intervention", modality: "Modality", instrument: "Instrument", service: "Service", urgency: "Urgency",
  outcome: "Outcome", role: "Role", course: "Course", kind: "Kind", group: "Group", reason: "Reason",
};

/** The catalogue's regions (Mali, 2023 boundaries), in its order, with their names. */
export const REGIONS = {
  bamako: "Bamako", kayes: "Kayes", kita: "Kita", nioro: "Nioro", koulikoro: "Koulikoro", dioila: "Dioïla", nara: "Nara",
  sikasso: "Sikasso", bougouni: "Bougouni", koutiala: "Koutiala", segou: "Ségou", san: "San", mopti: "Mopti",
  douentza: "Douentza", bandiagara: "Bandiagara", tombouctou: "Tombouctou", taoudenit: "Taoudénit", gao: "Gao",
  menaka: "Ménaka", kidal: "Kidal",
};

/** Keys whose natural order is not by size. */
export const ORDERED = {
  ageGroup: ["0-17", "18-24", "25-59", "60+"],
  urgency: ["routine", "urgent", "emergency"],
  group: ["women", "men", "girls", "boys"],
};

const WORDS = {
  "who-5": "WHO-5", "phq-9": "PHQ-9", "gad-7": "GAD-7", k10: "K10", mhgap: "mhGAP", "mhpss-foundations": "MHPSS foundations",
  "in-person": "In person", "0-17": "0–17", "18-24": "18–24", "25-59": "25–59", "60+": "60 and over",
};

const countries = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

export function indicatorInfo(code) {
  return INDICATORS[code] ?? { title: humanise(code), kind: "count", about: "" };
}

export function dimensionLabel(dimension) {
  return DIMENSIONS[dimension] ?? humanise(dimension);
}

export function keyLabel(dimension, key) {
  if (dimension === "region" && REGIONS[key]) return REGIONS[key];
  if (dimension === "returnedFrom" && /^[A-Z]{2}$/.test(key) && countries) return countries.of(key) ?? key;
  return WORDS[key] ?? humanise(key);
}

/** "survivor-of-trafficking" → "Survivor of trafficking". */
export function humanise(code) {
  const words = String(code).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/-/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Indicators in the catalogue's order, then any the catalogue of this page does not know yet. */
export function catalogueOrder(indicators) {
  const known = Object.keys(INDICATORS);
  const rank = (code) => (known.includes(code) ? known.indexOf(code) : known.length);
  return [...indicators].sort((a, b) => rank(a.code) - rank(b.code));
}
