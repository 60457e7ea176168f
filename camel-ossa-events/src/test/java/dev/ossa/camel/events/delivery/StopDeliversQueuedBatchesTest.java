package dev.ossa.camel.events.delivery;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stopping a route while full batches wait in the delivery queue behind a slow sink, and a last batch is still
 * filling, delivers all of them: none is rejected by a stopped delivery path, none is left behind.
 */
class StopDeliversQueuedBatchesTest {

    private static final int EVENTS = 95;

    @Test
    void stoppingTheRouteDeliversQueuedAndUnfilledBatches() throws Exception {
        Set<String> ids = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow-sink").routeId("sink").process(exchange -> {
                    Thread.sleep(20);
                    JsonNode batch = mapper.readTree(exchange.getMessage().getBody(byte[].class));
                    synchronized (ids) {
                        batch.forEach(event -> ids.add(event.get("id").asText()));
                    }
                });
                from("direct:events").routeId("events")
                        .to("ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=batch&batchSize=10"
                            + "&flushInterval=60000&sink=direct:slow-sink");
            }
        });
        context.start();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < EVENTS; i++) {
                template.sendBody("direct:events", "{\"n\":" + i + "}");
            }
            context.getRouteController().stopRoute("events");
            synchronized (ids) {
                assertEquals(EVENTS, ids.size());
            }
        } finally {
            context.stop();
        }
    }
}
