// The figures: GET /indicators with the reader's token, always in public disclosure mode
// (the page never asks for disclosure=detail), with the monthly series.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `The reporting service answered ${status}.`);
    this.status = status;
  }
}

/** The query the page sends for a filter: region, from/to as dates (a month's first and last day), interval=month. */
export function indicatorQuery({ region, fromMonth, toMonth }) {
  const query = new URLSearchParams();
  if (fromMonth) query.set("from", `${fromMonth}-01`);
  if (toMonth) query.set("to", lastDayOf(toMonth));
  if (region) query.set("region", region);
  query.set("interval", "month");
  return query.toString();
}

function lastDayOf(month) {
  const [year, number] = month.split("-").map(Number);
  const day = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

export async function fetchIndicators(query, token) {
  const response = await fetch(new URL(`indicators?${query}`, document.baseURI), {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    cache: "no-store",
    credentials: "omit",
  });
  if (!response.ok) {
    let detail = "";
    try {
      detail = (await response.json()).detail ?? "";
    } catch {
      // not problem details: the status says enough
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

export async function fetchConfig() {
  const response = await fetch(new URL("dashboard/config", document.baseURI), { cache: "no-store", credentials: "omit" });
  if (!response.ok) throw new ApiError(response.status, "The dashboard's settings could not be read.");
  return response.json();
}
