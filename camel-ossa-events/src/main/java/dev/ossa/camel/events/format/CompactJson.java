package dev.ossa.camel.events.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Copies one JSON value from a parser into compact UTF-8 JSON, token by token, without building a tree: what a
 * received event's {@code data} becomes. Numbers keep their digits as written.
 */
public final class CompactJson {

    private CompactJson() {
    }

    /**
     * @param parser positioned on the first token of the value; left on its last token
     * @throws IOException when the value is not well-formed JSON
     */
    public static byte[] copyValue(JsonParser parser, JsonFactory factory, int sizeHint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, sizeHint));
        try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
            int depth = 0;
            JsonToken token = parser.currentToken();
            do {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    generator.writeNumber(parser.getText());
                } else {
                    generator.copyCurrentEvent(parser);
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (depth > 0 && (token = parser.nextToken()) != null);
            if (depth != 0) {
                throw new IOException("the JSON value is not closed");
            }
        }
        return out.toByteArray();
    }
}
