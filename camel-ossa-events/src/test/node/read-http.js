"use strict";
/*
 * Reads HTTP requests with the CloudEvents JavaScript SDK (HTTP.toEvent), as a Node consumer would.
 * stdin:  [ { "headers": { "<name>": "<value>" }, "body": "<base64 of the body bytes>" } ]
 * stdout: [ { "error": null | "<why the message could not be read>", "events": [ <verdict> ] } ]
 * A structured or binary request gives one verdict, a batch one per event; see lib/judge.js. A binary request
 * with an empty body is given to the SDK without a body: an event without data.
 */
const { HTTP } = require("cloudevents");
const { verdict, bodyOf, wireData, main } = require("./lib/judge");

/** RFC 3986 percent-decoding of UTF-8, as the HTTP binding requires for ce- header values. */
function percentDecode(value) {
    const parts = value.split(/(%[0-9A-Fa-f]{2})/);
    const bytes = parts.map((part) => (/^%[0-9A-Fa-f]{2}$/.test(part)
        ? Buffer.from([parseInt(part.substring(1), 16)])
        : Buffer.from(part, "utf8")));
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(bytes));
}

function readRequest(message) {
    const headers = {};
    for (const [name, value] of Object.entries(message.headers)) {
        headers[name.toLowerCase()] = value;
    }
    const bytes = Buffer.from(message.body || "", "base64");
    const contentType = headers["content-type"] || null;
    const body = bodyOf(contentType, bytes);
    const type = (contentType || "").toLowerCase();
    if (type.startsWith("application/cloudevents-batch+json")) {
        const events = JSON.parse(body);
        return events.map((wire, index) => verdict(() => HTTP.toEvent({ headers, body })[index], wire));
    }
    if (type.startsWith("application/cloudevents")) {
        return [verdict(() => HTTP.toEvent({ headers, body }), JSON.parse(body))];
    }
    const wire = {};
    const binaryBody = bytes.length === 0 ? undefined : body;
    for (const [name, value] of Object.entries(headers)) {
        if (name.startsWith("ce-")) {
            wire[name.substring(3)] = percentDecode(value);
        }
    }
    if (contentType !== null) {
        wire.datacontenttype = contentType;
    }
    Object.assign(wire, wireData(contentType, bytes));
    return [verdict(() => HTTP.toEvent({ headers, body: binaryBody }), wire)];
}

main(readRequest);
