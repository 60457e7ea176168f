package dev.ossa.camel.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * Messages that quote the caller's input keep to one honest line: control characters are escaped, so a newline in an
 * extension name cannot forge a log line, and a huge value is cut, saying how long it was. Judged on what Camel's
 * error handler really logs.
 */
class QuotedInputInMessagesTest extends CamelTestSupport {

    private static final String ERROR_HANDLER_LOGGER = "org.apache.camel.processor.errorhandler.DefaultErrorHandler";
    private static final String FORGED = "ERROR [main] dev.ossa.Billing - card 4111 charged";

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").routeId("emit")
                        .to("ossa-events:" + OssaEventType.TOOL_CALLED + "?source=/agents/planner&sink=" + sink.uri());
            }
        } };
    }

    @Test
    void newlineInAnExtensionNameCannotForgeALogLine() throws Exception {
        String name = "region\n" + FORGED;
        try (CapturedLog log = new CapturedLog(ERROR_HANDLER_LOGGER)) {
            InvalidCloudEventException e = send(OssaEventsConstants.EXTENSIONS, Map.of(name, "eu"));

            assertEquals(name, e.getAttribute(), "the exception keeps the name as given");
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("Invalid CloudEvent attribute 'region\\nERROR [main]"), e.getMessage());
            List<String> logged = log.await(1);
            assertTrue(logged.get(0).contains("region\\nERROR [main]"), logged.get(0));
            assertTrue(logged.get(0).lines().noneMatch(line -> line.startsWith(FORGED)), logged.get(0));
        }
        assertEquals(0, sink.received().size());
    }

    @Test
    void controlCharactersInEveryQuotedAttributeAreEscaped() {
        for (Map.Entry<String, String> header : Map.of(
                OssaEventsConstants.TIME, "2026-01-01T00:00:00\r\n" + FORGED,
                OssaEventsConstants.DATA_CONTENT_TYPE, "text/plain\n" + FORGED,
                OssaEventsConstants.DATA_SCHEMA, "schemas/x\u001b[31m" + FORGED).entrySet()) {
            InvalidCloudEventException e = send(header.getKey(), header.getValue());

            assertTrue(e.getMessage().lines().count() == 1 && !e.getMessage().contains("\u001b"), e.getMessage());
        }
    }

    @Test
    void aHugeInvalidTimeGivesAShortMessageThatSaysHowLongItWas() {
        String time = "2026-01-01T00:00:00Z" + "x".repeat(50 * 1024 * 1024);

        InvalidCloudEventException e = send(OssaEventsConstants.TIME, time);

        assertTrue(e.getMessage().length() < 400, () -> "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("...' (52428820 characters)"), e.getMessage());
        assertTrue(e.getMessage().contains("is not RFC 3339"), e.getMessage());
    }

    private InvalidCloudEventException send(String header, Object value) {
        Exchange failed = template.request("direct:emit", exchange -> {
            exchange.getMessage().setHeader(header, value);
            exchange.getMessage().setBody("x");
        });
        return assertInstanceOf(InvalidCloudEventException.class, failed.getException());
    }
}
