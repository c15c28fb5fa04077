// Posts one CloudEvent the way a partner's Node.js app would: built with the CloudEvents
// JavaScript SDK and sent in binary content mode (HTTP.binary: attributes as ce- headers, data
// as the body).
//
//   node post-binary.mjs <events-url> <bearer-token> <event.json>
//
// event.json holds the event in the JSON format (attributes and data). Prints the answer's
// status on the first line and its body on the second; exits 0 whenever the service answered,
// 1 when it could not be reached, 2 on wrong usage.
import { readFileSync } from "node:fs";
import { CloudEvent, HTTP } from "cloudevents";

const [url, token, file] = process.argv.slice(2);
if (!url || !token || !file) {
  console.error("usage: node post-binary.mjs <events-url> <bearer-token> <event.json>");
  process.exit(2);
}

const event = new CloudEvent(JSON.parse(readFileSync(file, "utf8")));
const message = HTTP.binary(event);

// The SDK leaves header values as they are; the CloudEvents HTTP binding (3.1.3.2) asks the
// sender to percent-encode space, '"', '%' and everything outside printable ASCII, as UTF-8.
const percentEncoded = (value) =>
  Array.from(String(value), (c) =>
    /^[\x21-\x7e]$/.test(c) && c !== '"' && c !== "%"
      ? c
      : Array.from(new TextEncoder().encode(c), (b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""),
  ).join("");

const headers = { authorization: `Bearer ${token}` };
for (const [name, value] of Object.entries(message.headers)) {
  headers[name] = name.toLowerCase().startsWith("ce-") ? percentEncoded(value) : String(value);
}

try {
  const response = await fetch(url, { method: "POST", headers, body: message.body });
  console.log(response.status);
  console.log(await response.text());
} catch (error) {
  console.error(`could not post to ${url}: ${error.cause?.message ?? error.message}`);
  process.exit(1);
}
