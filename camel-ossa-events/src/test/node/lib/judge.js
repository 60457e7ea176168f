"use strict";
/*
 * What the read-*.js scripts share: the verdict on one event, and the decoding of data bytes by content type
 * the way a Node consumer would.
 *
 * A verdict has three parts:
 *   sdk:    what the CloudEvents JavaScript SDK made of the message, then validated strictly
 *           ({ accepted, error, event }; event as the SDK writes it as JSON, binary data as data_base64);
 *   wire:   the event as the message carries it, mapped to JSON by the protocol binding's rules alone
 *           (ce- header values percent-decoded for HTTP, UTF-8 for Kafka), times and values exactly as sent;
 *   schema: the official JSON schema's verdict on wire ({ valid, errors }).
 */
const { CloudEvent } = require("cloudevents");
const { validateSchema } = require("../validate-schema");

/** A strict CloudEvent from what the SDK read: the constructor validates names, types and the schema. */
function strictly(event) {
    const attributes = Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
    return new CloudEvent(attributes, true);
}

/**
 * The SDK's event as JSON: its own toJSON, with binary data as base64 rather than an array of numbers. Empty binary
 * data (from an empty Kafka value, which the SDK requires to be present) is no data: a binary-mode message cannot
 * tell them apart.
 */
function sdkJson(event) {
    const json = event.toJSON();
    if (ArrayBuffer.isView(json.data) && json.data.length === 0) {
        delete json.data;
        delete json.data_base64;
    }
    if (ArrayBuffer.isView(json.data)) {
        json.data_base64 = Buffer.from(Array.from(json.data)).toString("base64");
        delete json.data;
    }
    for (const [name, value] of Object.entries(json)) {
        if (value === undefined) {
            delete json[name];
        }
    }
    return json;
}

/** The error's class and message; the SDK's ValidationError message lists the schema errors itself. */
function describe(error) {
    return `${error.constructor.name}: ${error.message}`;
}

/** The verdict on one event: readSdk returns the SDK's event (or throws), wire is the binding's JSON form. */
function verdict(readSdk, wire) {
    const result = { sdk: { accepted: false, error: null, event: null }, wire, schema: validateSchema(wire) };
    try {
        result.sdk.event = sdkJson(strictly(readSdk()));
        result.sdk.accepted = true;
    } catch (error) {
        result.sdk.error = describe(error);
    }
    return result;
}

/** The media type of a content type, lower case, without parameters. */
function mediaType(contentType) {
    return contentType ? contentType.split(";")[0].trim().toLowerCase() : null;
}

function isJson(contentType) {
    const type = mediaType(contentType);
    return type !== null && (type.endsWith("/json") || type.endsWith("+json"));
}

function isText(contentType) {
    const type = mediaType(contentType);
    return type !== null && type.startsWith("text/");
}

/** The charset parameter of a content type, quotes removed; utf-8 when there is none. */
function charsetOf(contentType) {
    const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType || "");
    return match ? match[1] : "utf-8";
}

/** Data bytes as a Node consumer sees them: text decoded in its declared charset, JSON as UTF-8, else bytes. */
function bodyOf(contentType, bytes) {
    if (isText(contentType)) {
        return new TextDecoder(charsetOf(contentType), { fatal: true }).decode(bytes);
    }
    if (contentType === null || contentType === undefined || isJson(contentType)) {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    return bytes;
}

/** The data of a binary-mode message in the JSON format: data (JSON or text) or data_base64; none if empty. */
function wireData(contentType, bytes) {
    if (bytes.length === 0) {
        return {};
    }
    if (isJson(contentType)) {
        return { data: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
    }
    if (isText(contentType)) {
        return { data: bodyOf(contentType, bytes) };
    }
    return { data_base64: Buffer.from(bytes).toString("base64") };
}

/** Runs one reader per message of the JSON array on stdin and prints the results as a JSON array. */
function main(readMessage) {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => {
        const messages = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const results = messages.map((message) => {
            try {
                return { error: null, events: readMessage(message) };
            } catch (error) {
                return { error: describe(error), events: [] };
            }
        });
        process.stdout.write(JSON.stringify(results) + "\n");
    });
}

module.exports = { verdict, bodyOf, wireData, main };
