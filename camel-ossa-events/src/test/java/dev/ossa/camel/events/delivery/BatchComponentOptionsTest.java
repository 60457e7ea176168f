package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsMode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code batchSize} and {@code flushInterval} set on the component are the defaults of its endpoints; an endpoint
 * option overrides them.
 */
class BatchComponentOptionsTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void componentBatchSizeAppliesUnlessTheEndpointSetsItsOwn() throws Exception {
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setBatchSize(3);
        component.getConfiguration().setFlushInterval(60_000);
        component.getConfiguration().setMode(OssaEventsMode.batch);
        component.getConfiguration().setSink("http://127.0.0.1:" + sink.port() + "/events");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:defaults").to("ossa-events:dev.ossa.agent.started?source=/agents/a");
                from("direct:own").to("ossa-events:dev.ossa.agent.completed?source=/agents/a&batchSize=2");
            }
        });

        List<String> defaults = EventSender.send(template, "direct:defaults", 3);
        sink.awaitAcceptedEvents(3, Duration.ofSeconds(20));
        List<String> own = EventSender.send(template, "direct:own", 2);
        sink.awaitAcceptedEvents(5, Duration.ofSeconds(20));

        assertEquals(List.of(3, 2), sink.requests().stream().map(r -> r.events().size()).toList());
        assertEquals(defaults, sink.requests().get(0).events().stream().map(e -> e.getId()).toList());
        assertEquals(own, sink.requests().get(1).events().stream().map(e -> e.getId()).toList());
    }
}
