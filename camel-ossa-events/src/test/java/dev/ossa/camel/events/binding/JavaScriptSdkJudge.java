package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Assumptions;

/**
 * An independent judge in Node: the official CloudEvents JavaScript SDK ({@code cloudevents} 10.0.0) reads what a
 * sink received, as a Node consumer would, and the official CloudEvents v1.0 JSON schema (Ajv) validates each event.
 * The scripts and the pinned packages are in {@code src/test/node}; the first use runs {@code npm ci} there when
 * {@code node_modules} is missing. Where {@code node} is not installed, {@link #assumeNode()} skips the calling test.
 * <p>
 * Every read gives, per sink message, a {@link Reading}: the events it holds (one, or a batch's), each with the
 * SDK's verdict and event, the event exactly as the message carries it ({@code wire}, mapped by the binding's
 * rules alone), and the schema's verdict on that. Several messages go to one Node process.
 */
public final class JavaScriptSdkJudge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RUN_SECONDS = 120;
    private static final long NPM_CI_SECONDS = 600;
    private static Boolean nodeInstalled;
    private static boolean packagesInstalled;

    private JavaScriptSdkJudge() {
    }

    /** A message as an HTTP server received it: header names in any case, and the body bytes. */
    public record HttpMessage(Map<String, String> headers, byte[] body) {
    }

    /** Structured JSON as a sink received it (one event, an array, or JSON Lines) and its content type, or null. */
    public record JsonText(String text, String contentType) {
    }

    /** What the SDK and the schema made of one sink message. */
    public record Reading(String error, List<Verdict> events) {

        /** The only event of the message; fails when it could not be read or holds more or fewer. */
        public Verdict only() {
            if (error != null || events.size() != 1) {
                throw new AssertionError("Expected one event, got " + this);
            }
            return events.get(0);
        }
    }

    /**
     * The verdict on one event.
     *
     * @param sdkAccepted  whether the JavaScript SDK read the event and its strict validation passed
     * @param sdkError     the SDK's error when it did not
     * @param sdkEvent     the event as the SDK holds it, in its JSON form (time normalised to UTC milliseconds,
     *                     binary data as {@code data_base64}); null when not accepted
     * @param wire         the event as the message carries it, in the JSON format: the structured JSON itself, or
     *                     for a binary message the {@code ce-}/{@code ce_} headers (HTTP values percent-decoded),
     *                     {@code datacontenttype} from the content type, and the data
     * @param schemaValid  whether {@code wire} is valid against the official JSON schema
     * @param schemaErrors the schema's errors, e.g. {@code /source must match format "uri-reference"}
     */
    public record Verdict(boolean sdkAccepted, String sdkError, JsonNode sdkEvent, JsonNode wire,
                          boolean schemaValid, List<String> schemaErrors) {

        /** Fails, saying why, unless the SDK accepted the event and the schema found it valid. */
        public Verdict assertAccepted() {
            if (!sdkAccepted || !schemaValid) {
                throw new AssertionError("The CloudEvents JavaScript SDK or the JSON schema refused the event: "
                                         + this);
            }
            return this;
        }
    }

    /** Skips the calling test (a JUnit assumption) when {@code node} is not installed. */
    public static void assumeNode() {
        Assumptions.assumeTrue(nodeInstalled(), "node is not installed: the interop tests with the CloudEvents"
                + " JavaScript SDK and the CloudEvents JSON schema are skipped. Install Node.js 20 or later to run"
                + " them");
    }

    /** Reads HTTP requests with {@code HTTP.toEvent}: structured, binary or batch, by their Content-Type. */
    public static List<Reading> readHttp(List<HttpMessage> requests) {
        ArrayNode input = JSON.createArrayNode();
        for (HttpMessage request : requests) {
            ObjectNode message = input.addObject();
            ObjectNode headers = message.putObject("headers");
            request.headers().forEach(headers::put);
            message.put("body", base64(request.body()));
        }
        return run("read-http.js", input);
    }

    /** Reads one HTTP request. */
    public static Reading readHttp(Map<String, String> headers, byte[] body) {
        return readHttp(List.of(new HttpMessage(headers, body))).get(0);
    }

    /** Reads Kafka records with {@code Kafka.toEvent}: header values and key as UTF-8 text, the value as bytes. */
    public static List<Reading> readKafka(List<ConsumerRecord<byte[], byte[]>> records) {
        ArrayNode input = JSON.createArrayNode();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ObjectNode message = input.addObject();
            message.put("key", record.key() == null ? null : base64(record.key()));
            message.put("value", record.value() == null ? null : base64(record.value()));
            ArrayNode headers = message.putArray("headers");
            for (Header header : record.headers()) {
                headers.addObject().put("name", header.key()).put("value", base64(header.value()));
            }
        }
        return run("read-kafka.js", input);
    }

    /** Reads one Kafka record. */
    public static Reading readKafka(ConsumerRecord<byte[], byte[]> record) {
        return readKafka(List.of(record)).get(0);
    }

    /**
     * Reads structured JSON texts: with a content type, as a message of that type ({@code HTTP.toEvent}, which
     * checks that the SDK knows the type); without, each event with the {@code CloudEvent} constructor.
     */
    public static List<Reading> readJson(List<JsonText> texts) {
        ArrayNode input = JSON.createArrayNode();
        for (JsonText text : texts) {
            input.addObject().put("text", text.text()).put("contentType", text.contentType());
        }
        return run("read-json.js", input);
    }

    /** Reads one structured JSON text. */
    public static Reading readJson(String text, String contentType) {
        return readJson(List.of(new JsonText(text, contentType))).get(0);
    }

    /** The directory of the Node project: {@code src/test/node} of this module. */
    static Path nodeProject() {
        try {
            Path testClasses = Path.of(JavaScriptSdkJudge.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return testClasses.getParent().getParent().resolve("src/test/node");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Reading> run(String script, JsonNode input) {
        assumeNode();
        installPackages();
        Output output = exec(List.of("node", script), bytes(input), RUN_SECONDS);
        if (output.exitCode() != 0) {
            throw new IllegalStateException("node " + script + " failed with exit code " + output.exitCode() + ": "
                                            + output.stderr());
        }
        try {
            List<Reading> readings = new ArrayList<>();
            for (JsonNode message : JSON.readTree(output.stdout())) {
                List<Verdict> events = new ArrayList<>();
                for (JsonNode event : message.get("events")) {
                    JsonNode sdk = event.get("sdk");
                    JsonNode schema = event.get("schema");
                    List<String> schemaErrors = new ArrayList<>();
                    schema.get("errors").forEach(error -> schemaErrors.add(error.asText()));
                    events.add(new Verdict(sdk.get("accepted").asBoolean(), textOrNull(sdk.get("error")),
                            sdk.get("event").isNull() ? null : sdk.get("event"), event.get("wire"),
                            schema.get("valid").asBoolean(), List.copyOf(schemaErrors)));
                }
                readings.add(new Reading(textOrNull(message.get("error")), List.copyOf(events)));
            }
            return readings;
        } catch (IOException e) {
            throw new IllegalStateException("node " + script + " printed no JSON: " + output.stdout(), e);
        }
    }

    private static synchronized boolean nodeInstalled() {
        if (nodeInstalled == null) {
            try {
                nodeInstalled = exec(List.of("node", "--version"), new byte[0], 60).exitCode() == 0;
            } catch (IllegalStateException e) {
                nodeInstalled = false;
            }
        }
        return nodeInstalled;
    }

    /** Runs {@code npm ci} once when the pinned packages are not installed; a failure fails the test. */
    private static synchronized void installPackages() {
        Path modules = nodeProject().resolve("node_modules");
        if (packagesInstalled || Files.isRegularFile(modules.resolve("cloudevents/package.json"))
                                 && Files.isRegularFile(modules.resolve("ajv-formats/package.json"))) {
            packagesInstalled = true;
            return;
        }
        Output output = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), new byte[0], NPM_CI_SECONDS);
        if (output.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + nodeProject() + " failed with exit code "
                                            + output.exitCode() + ": " + output.stderr());
        }
        packagesInstalled = true;
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output exec(List<String> command, byte[] stdin, long timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(nodeProject().toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Cannot write to " + command + ": " + e.getMessage(), e);
        }
        boolean ended;
        try {
            ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (ended) {
                return new Output(process.exitValue(), new String(stdout.get(), StandardCharsets.UTF_8),
                        new String(stderr.get(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Running " + command + " failed: " + e, e);
        }
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not end within " + timeoutSeconds + " s");
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            return ("(unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(JsonNode input) {
        try {
            return JSON.writeValueAsBytes(input);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
