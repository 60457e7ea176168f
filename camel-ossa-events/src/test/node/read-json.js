"use strict";
/*
 * Reads structured JSON as a Node consumer of a log, a file or a queue would: each document with the
 * CloudEvents JavaScript SDK, and each event against the official JSON schema.
 * stdin:  [ { "text": "<JSON: one event, an array of events, or JSON Lines>", "contentType": null | "..." } ]
 * stdout: [ { "error": null | "<why the text could not be read>", "events": [ <verdict> ] } ]
 * With a content type (the sink message's Content-Type header) the SDK reads each document as a message with
 * that content type (HTTP.toEvent, which knows the structured and batch media types); without one, each event
 * object is given to the CloudEvent constructor. See lib/judge.js for a verdict.
 */
const { CloudEvent, HTTP } = require("cloudevents");
const { verdict, main } = require("./lib/judge");
const { eventsOf } = require("./validate-schema");

function readText(message) {
    const events = eventsOf(message.text);
    if (message.contentType === null || message.contentType === undefined) {
        return events.map((wire) => verdict(() => new CloudEvent(wire, true), wire));
    }
    const headers = { "content-type": message.contentType };
    const batch = message.contentType.toLowerCase().startsWith("application/cloudevents-batch+json");
    return events.map((wire, index) => verdict(() => (batch
        ? HTTP.toEvent({ headers, body: message.text })[index]
        : HTTP.toEvent({ headers, body: JSON.stringify(wire) })), wire));
}

main(readText);
