"use strict";
/*
 * Reads Kafka records with the CloudEvents JavaScript SDK (Kafka.toEvent), as a Node consumer would.
 * stdin:  [ { "key": null | "<base64>", "value": "<base64>", "headers": [ { "name": "...", "value": "<base64>" } ] } ]
 * stdout: [ { "error": null | "<why the record could not be read>", "events": [ <verdict> ] } ]
 * Header values are decoded as UTF-8 text, the key too; the value is given to the SDK as a Buffer, as kafkajs
 * delivers it. See lib/judge.js for a verdict.
 */
const { Kafka } = require("cloudevents");
const { verdict, wireData, main } = require("./lib/judge");

const utf8 = new TextDecoder("utf-8", { fatal: true });

function readRecord(record) {
    const headers = {};
    for (const header of record.headers) {
        headers[header.name] = utf8.decode(Buffer.from(header.value, "base64"));
    }
    const value = Buffer.from(record.value || "", "base64");
    const key = record.key === null ? undefined : utf8.decode(Buffer.from(record.key, "base64"));
    const message = { key, value, headers, body: value };
    const contentType = headers["content-type"] || null;
    const type = (contentType || "").toLowerCase();
    if (type.startsWith("application/cloudevents")) {
        return [verdict(() => Kafka.toEvent(message), JSON.parse(utf8.decode(value)))];
    }
    const wire = {};
    for (const [name, text] of Object.entries(headers)) {
        if (name.startsWith("ce_")) {
            wire[name.substring(3)] = text;
        }
    }
    if (contentType !== null) {
        wire.datacontenttype = contentType;
    }
    Object.assign(wire, wireData(contentType, value));
    return [verdict(() => Kafka.toEvent(message), wire)];
}

main(readRecord);
