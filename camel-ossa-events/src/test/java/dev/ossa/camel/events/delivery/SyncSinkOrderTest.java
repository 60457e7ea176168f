package dev.ossa.camel.events.delivery;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A synchronous sink (camel-http, to a real HTTP server) gets its batches in the order they were completed, also when
 * one of them is refused and retried: the next batch is written meanwhile but sent only once the previous is done.
 */
@Timeout(120)
class SyncSinkOrderTest {

    @Test
    void aRetriedBatchStillArrivesBeforeTheNextOne() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Integer> accepted = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int request = requests.incrementAndGet();
            boolean refuse = request == 2 || request == 3;
            if (!refuse) {
                synchronized (accepted) {
                    for (JsonNode event : mapper.readTree(body)) {
                        accepted.add(event.get("data").get("n").asInt());
                    }
                }
            }
            exchange.sendResponseHeaders(refuse ? 503 : 202, -1);
            exchange.close();
        });
        server.start();
        String uri = "ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=batch&batchSize=10"
                     + "&flushInterval=60000&maximumRedeliveries=3&redeliveryDelay=10"
                     + "&sink=http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:events").routeId("events").to(uri);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (int n = 0; n < 60; n++) {
                template.sendBody("direct:events", "{\"n\":" + n + "}");
            }
            context.getRouteController().stopRoute("events");
            synchronized (accepted) {
                assertEquals(60, accepted.size());
                for (int n = 0; n < 60; n++) {
                    assertEquals(n, accepted.get(n), "event " + n + " out of order: " + accepted);
                }
            }
            assertTrue(requests.get() >= 8, "two refused requests, then six batches");
            OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
            assertEquals(60, endpoint.getEventsDelivered());
        } finally {
            context.stop();
            server.stop(0);
        }
    }
}
