// Writes CloudEvents with the CloudEvents JavaScript SDK, an independent writer for the receive tests.
// Usage: node write-events.js <http-binary|http-structured|kafka-binary|kafka-structured> [url] < events.json
// stdin: a JSON array of CloudEvent attribute objects; "data_base64" becomes a Buffer so the SDK treats it as binary.
// http-*: each event is POSTed to url by the SDK's emitter; prints the body of each answer, one per line.
// kafka-*: prints each Kafka message the SDK's Kafka binding makes, one JSON line each:
// {"key": ..., "headers": {name: value}, "value_base64": ...}, for the test to send to the broker as is.
"use strict";
const { CloudEvent, HTTP, Kafka, Mode, emitterFor, httpTransport } = require("cloudevents");

function toEvent(attributes) {
  const copy = { ...attributes };
  if (copy.data_base64 !== undefined) {
    copy.data = Buffer.from(copy.data_base64, "base64");
    delete copy.data_base64;
  }
  return new CloudEvent(copy, true);
}

async function main() {
  const [kind, url] = process.argv.slice(2);
  const input = require("fs").readFileSync(0, "utf8");
  const events = JSON.parse(input).map(toEvent);
  if (kind === "http-binary" || kind === "http-structured") {
    const mode = kind === "http-binary" ? Mode.BINARY : Mode.STRUCTURED;
    const emit = emitterFor(httpTransport(url), { binding: HTTP, mode });
    for (const event of events) {
      const answer = await emit(event);
      console.log(answer.body);
    }
  } else if (kind === "kafka-binary" || kind === "kafka-structured") {
    const write = kind === "kafka-binary" ? Kafka.binary : Kafka.structured;
    for (const event of events) {
      const message = write(event);
      const value = message.body === undefined || message.body === null ? Buffer.alloc(0)
        : Buffer.isBuffer(message.body) ? message.body
        : Buffer.from(typeof message.body === "string" ? message.body : JSON.stringify(message.body), "utf8");
      const headers = {};
      for (const [name, header] of Object.entries(message.headers)) {
        if (header !== undefined) headers[name] = String(header);
      }
      console.log(JSON.stringify({ key: message.key === undefined ? null : String(message.key), headers,
        value_base64: value.toString("base64") }));
    }
  } else {
    throw new Error("unknown kind " + kind);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
