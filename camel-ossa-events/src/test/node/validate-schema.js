"use strict";
/*
 * Validates JSON events against the official CloudEvents v1.0 JSON schema
 * (src/test/resources/cloudevents/cloudevents.json, see the README there) with Ajv and ajv-formats.
 *
 * As a module: validateSchema(object) -> { valid, errors }.
 * As a script: reads JSON text from stdin, or from the files given as arguments (one event, an array of
 * events, or JSON Lines), and prints one result per event as a JSON array.
 */
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

const SCHEMA_FILE = path.join(__dirname, "..", "resources", "cloudevents", "cloudevents.json");

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));

/** The schema's verdict on one event object: valid, and every error in Ajv's words ("/source must match ..."). */
function validateSchema(event) {
    const valid = validate(event);
    const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
    return { valid, errors };
}

/** The events of a JSON text: an object, an array of objects, or JSON Lines. */
function eventsOf(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith("[")) {
        return JSON.parse(trimmed);
    }
    try {
        return [JSON.parse(trimmed)];
    } catch (e) {
        return trimmed.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line));
    }
}

module.exports = { validateSchema, eventsOf };

if (require.main === module) {
    const texts = process.argv.length > 2
        ? process.argv.slice(2).map((file) => fs.readFileSync(file, "utf8"))
        : [fs.readFileSync(0, "utf8")];
    const results = texts.flatMap(eventsOf).map(validateSchema);
    process.stdout.write(JSON.stringify(results) + "\n");
}
