package dev.ossa.camel.events.dataformat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The data format is found by its name {@code ossa-events}, as Camel finds its own: in the Java DSL
 * ({@code unmarshal().custom("ossa-events")}), the YAML DSL ({@code unmarshal: {custom: {ref: ossa-events}}}) and
 * {@code context.resolveDataFormat}; marshal writes an event and a batch back as JSON that the Java SDK reads.
 */
class DataFormatFoundByNameTest extends CamelTestSupport {

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"y-1\",\"source\":\"/agents/yaml\","
            + "\"type\":\"dev.ossa.agent.started\",\"datacontenttype\":\"application/json\",\"data\":{\"a\":1}}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java").unmarshal().custom("ossa-events").to("mock:java")
                        .marshal().custom("ossa-events").to("mock:java-written");
            }
        };
    }

    @Test
    void javaDslFindsItByNameAndMarshalWritesTheEventBack() throws Exception {
        template.sendBodyAndHeader("direct:java", EVENT, Exchange.CONTENT_TYPE, "application/cloudevents+json");

        OssaCloudEvent event = getMockEndpoint("mock:java").getExchanges().get(0).getMessage()
                .getBody(OssaCloudEvent.class);
        assertEquals("y-1", event.getId());
        Exchange written = getMockEndpoint("mock:java-written").getExchanges().get(0);
        assertEquals(JsonEventFormat.EVENT_CONTENT_TYPE, written.getMessage().getHeader(Exchange.CONTENT_TYPE));
        CloudEvent judged = new JsonFormat().deserialize(written.getMessage().getBody(byte[].class));
        assertEquals("y-1", judged.getId());
        assertEquals("{\"a\":1}", new String(judged.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void yamlDslFindsItByNameAndABatchIsAListThatMarshalsBackAsABatch() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "classpath:dev/ossa/camel/events/dataformat/receive-routes.yaml"));
        MockEndpoint written = getMockEndpoint("mock:yaml-written");
        written.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:yaml-receive", "[" + EVENT + "," + EVENT.replace("y-1", "y-2") + "]",
                Exchange.CONTENT_TYPE, "application/cloudevents-batch+json");

        written.assertIsSatisfied();
        List<?> batch = getMockEndpoint("mock:yaml-received").getExchanges().get(0).getMessage().getBody(List.class);
        assertEquals(List.of("y-1", "y-2"), batch.stream().map(e -> ((OssaCloudEvent) e).getId()).toList());
        Exchange out = written.getExchanges().get(0);
        assertEquals(JsonEventFormat.BATCH_CONTENT_TYPE, out.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals("[" + EVENT + "," + EVENT.replace("y-1", "y-2") + "]", out.getMessage().getBody(String.class));
    }

    @Test
    void yamlDslConfiguresAnInstanceAsABean() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "classpath:dev/ossa/camel/events/dataformat/receive-routes.yaml"));

        template.sendBodyAndHeader("direct:yaml-receive-split", "[" + EVENT + ",{\"id\":1}]",
                Exchange.CONTENT_TYPE, "application/cloudevents-batch+json");

        Exchange split = getMockEndpoint("mock:yaml-split").getExchanges().get(0);
        assertEquals(1, split.getMessage().getBody(List.class).size());
        assertEquals(1, split.getMessage().getHeader(OssaEventsDataFormat.INVALID_EVENTS, List.class).size());
    }

    @Test
    void camelResolvesItByName() {
        assertInstanceOf(OssaEventsDataFormat.class, context.resolveDataFormat("ossa-events"));
    }
}
