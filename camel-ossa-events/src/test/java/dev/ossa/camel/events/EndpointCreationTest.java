package dev.ossa.camel.events;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoint creation: options that can never work fail at once, with a message that says why.
 */
class EndpointCreationTest extends CamelTestSupport {

    private String failure(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));
        return e.getMessage();
    }

    @Test
    void unknownOptionFails() {
        String message = failure("ossa-events:t?source=/a&sorce=/b");
        assertTrue(message.contains("Unknown parameters=[{sorce=/b}]"), message);
    }

    @Test
    void unknownOptionOnTheComponentIsNotAccepted() {
        assertFalse(context.getComponent("ossa-events").getComponentPropertyConfigurer()
                .configure(context, context.getComponent("ossa-events"), "sorce", "/b", true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "extensions.MyExt=x        | 'MyExt': extension name 'MyExt' has upper-case letters",
        "extensions.my_ext=x       | 'my_ext': extension name 'my_ext' contains '_'",
        "dataSchema=/schemas/a.json | 'dataschema': '/schemas/a.json' is not an absolute URI",
        "dataContentType=xyz       | 'datacontenttype': 'xyz' is not an RFC 2046 media type",
        "subject=                  | 'subject': must not be empty",
        "source=/my agent          | 'source': '/my agent' is not a URI-reference",
        "agentId=a%07b             | 'ossaagentid': contains control character U+0007",
        "batchSize=0               | Option batchSize must be 1 or more, was 0",
        "flushInterval=0           | Option flushInterval must be above 0 ms, was 0",
        "redeliveryDelay=-1        | Option redeliveryDelay must not be negative, was -1",
        "maximumRedeliveries=-2    | Option maximumRedeliveries must be 0 or more (-1: forever), was -2",
        "sink=                     | Option sink must not be empty",
        "mode=sideways             | sideways",
        "extensions={region=eu}    | Option extensions takes one option per entry, extensions.<name>=<value>",
        "sinkHeaders={X-Tenant=a}  | Option sinkHeaders takes one option per entry, sinkHeaders.<name>=<value>" })
    void invalidStaticOptionFails(String option, String expected) {
        String message = failure("ossa-events:t?" + (option.startsWith("source=") ? "" : "source=/a&") + option);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
    }

    @Test
    void invalidOptionOnTheComponentFailsEveryEndpoint() {
        context.getComponent("ossa-events", OssaEventsComponent.class).getConfiguration().setDataSchema("relative");
        String message = failure("ossa-events:t?source=/a");
        assertTrue(message.contains("Invalid option: Invalid CloudEvent attribute 'dataschema'"), message);
    }

    @Test
    void plusInAnOptionValueNeedsRaw() {
        for (String value : new String[] { "application/vnd.x+json", "application/vnd.x%2Bjson" }) {
            String message = failure("ossa-events:t?source=/a&dataContentType=" + value);
            assertTrue(message.contains("'application/vnd.x json' is not an RFC 2046 media type"), message);
            assertTrue(message.contains("a '+' in an endpoint URI reads as a space: write the value as RAW("), message);
        }
        OssaEventsEndpoint raw = context.getEndpoint(
                "ossa-events:t?source=/a&dataContentType=RAW(application/vnd.x+json)", OssaEventsEndpoint.class);
        assertEquals("application/vnd.x+json", raw.getConfiguration().getDataContentType());
    }

    @ParameterizedTest
    @ValueSource(strings = { "stdout", "log:events", "seda:events", "direct:events", "file:target/events" })
    void binaryModeFailsOnSinksWithoutABinaryBinding(String sink) {
        String message = failure("ossa-events:t?source=/a&mode=binary&sink=" + sink);
        String scheme = sink.contains(":") ? sink.substring(0, sink.indexOf(':')) : sink;
        assertTrue(message.contains("mode=binary is defined for http, https and kafka sinks only; sink '" + scheme
                                    + "' takes mode=structured or mode=batch"), message);
    }

    @Test
    void missingTypeFails() {
        String message = failure("ossa-events:?source=/a");
        assertTrue(message.contains("The event type is required: ossa-events:<type>"), message);
    }

    @Test
    void optionsAreApplied() {
        OssaEventsEndpoint endpoint = context.getEndpoint("ossa-events:" + OssaEventType.STATE_UPDATED
                + "?source=urn:ossa:agent:a&sink=log:x&pretty=true&mode=batch&batchSize=10&flushInterval=2s"
                + "&agentId=a&interactionId=i&traceId=t&spanId=s&subject=sub&dataSchema=https://x/s"
                + "&dataContentType=text/plain&extensions.region=eu&sinkHeaders.X-Tenant=acme&keyField=ossaagentid"
                + "&maximumRedeliveries=5&redeliveryDelay=100&deadLetterUri=log:dead",
                OssaEventsEndpoint.class);
        OssaEventsConfiguration c = endpoint.getConfiguration();
        assertEquals("dev.ossa.state.updated", endpoint.getType());
        assertEquals("urn:ossa:agent:a", c.getSource());
        assertEquals("log:x", c.getSink());
        assertTrue(c.isPretty());
        assertEquals(OssaEventsMode.batch, c.getMode());
        assertEquals(10, c.getBatchSize());
        assertEquals(2000, c.getFlushInterval());
        assertEquals("a", c.getAgentId());
        assertEquals("i", c.getInteractionId());
        assertEquals("t", c.getTraceId());
        assertEquals("s", c.getSpanId());
        assertEquals("sub", c.getSubject());
        assertEquals("https://x/s", c.getDataSchema());
        assertEquals("text/plain", c.getDataContentType());
        assertEquals("eu", c.getExtensions().get("region"));
        assertEquals("acme", c.getSinkHeaders().get("X-Tenant"));
        assertEquals("ossaagentid", c.getKeyField());
        assertEquals(5, c.getMaximumRedeliveries());
        assertEquals(100, c.getRedeliveryDelay());
        assertEquals("log:dead", c.getDeadLetterUri());
    }

    @ParameterizedTest
    @ValueSource(strings = { "sinkHeaders.Authorization=RAW(Bearer s3cr3t-t0ken)",
        "sinkHeaders.Authorization=RAW(Bearer s3cr3t)t0ken)", "sinkHeaders.Authorization=RAW{Bearer s3cr3t&t0ken}",
        "sinkHeaders.X-Api-Key=s3cr3t-t0ken", "sinkHeaders.x=s3cr3t%20t0ken" })
    void sinkHeaderValuesNeverShowInToString(String sinkHeader) {
        OssaEventsEndpoint endpoint = context.getEndpoint("ossa-events:t?source=/a&sink=seda:q&" + sinkHeader
                + "&subject=visible", OssaEventsEndpoint.class);
        String shown = endpoint.toString();
        assertFalse(shown.contains("s3cr3t") || shown.contains("t0ken"), shown);
        String name = sinkHeader.substring(0, sinkHeader.indexOf('='));
        assertTrue(shown.contains(name + "=xxxxxx"), shown);
        assertTrue(shown.contains("subject=visible") && shown.contains("sink=seda"), shown);
        assertTrue(endpoint.getConfiguration().getSinkHeaders().values().iterator().next().toString()
                .contains("s3cr3t"), "the value itself is kept for the sink");
    }

    @Test
    void ossaEventsEndpointsOnlyProduce() {
        OssaEventsEndpoint endpoint = context.getEndpoint("ossa-events:t?source=/a", OssaEventsEndpoint.class);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> endpoint.createConsumer(exchange -> { }));
        assertTrue(e.getMessage().contains("use it in to(...), not from(...)"), e.getMessage());
    }
}
