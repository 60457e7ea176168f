package dev.ossa.camel.events.binding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;

import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;

/**
 * Reads what an HTTP sink received with the CloudEvents Java SDK, the independent judge of these tests. That SDK
 * neither percent-encodes nor decodes {@code ce-} header values, so {@link #readDecoded} decodes them first with a
 * decoder of its own (RFC 3986 percent-decoding of UTF-8), written apart from the code under test.
 */
final class SdkEventReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SdkEventReader() {
    }

    /** The event of a structured or binary request, header values as they arrived. */
    static CloudEvent read(RecordedRequest request) {
        return HttpMessageFactory.createReader(request.firstValues(), request.body()).toEvent();
    }

    /** The event of a binary request, with every {@code ce-} header value percent-decoded. */
    static CloudEvent readDecoded(RecordedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.firstValues().forEach(
                (name, value) -> headers.put(name, name.startsWith("ce-") ? percentDecode(value) : value));
        return HttpMessageFactory.createReader(headers, request.body()).toEvent();
    }

    /** The events of a batch body: a JSON array whose elements are each read with the SDK's JSON format. */
    static List<CloudEvent> readBatch(byte[] body) throws IOException {
        JsonNode array = MAPPER.readTree(body);
        if (!array.isArray()) {
            throw new AssertionError("A batch must be a JSON array, got: " + array.getNodeType());
        }
        JsonFormat json = new JsonFormat();
        List<CloudEvent> events = new ArrayList<>();
        for (JsonNode element : array) {
            events.add(json.deserialize(MAPPER.writeValueAsBytes(element)));
        }
        return events;
    }

    /** The SDK's JSON format reading one structured event body. */
    static CloudEvent readJson(byte[] body) {
        return new JsonFormat().deserialize(body);
    }

    /** Decodes {@code %XY} sequences as UTF-8 bytes; every other character stands for itself ('+' included). */
    static String percentDecode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new AssertionError("Truncated percent-encoding in '" + value + "' at index " + i);
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
