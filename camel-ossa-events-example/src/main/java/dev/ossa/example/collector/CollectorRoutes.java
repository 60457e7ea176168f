package dev.ossa.example.collector;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * The collector's routes. HTTP and Kafka consumers hand every message to one route that reads it with the
 * {@code ossa-events} data format (a single event or a batch), then for each event: counts it, sends it to the alert
 * log when its type is {@code dev.ossa.<area>.failed}, and appends it to the JSON Lines file. An invalid message is
 * answered 400 with the rule it broke (over HTTP) and logged; the collector goes on.
 */
public class CollectorRoutes extends RouteBuilder {

    private final EventCounts counts = new EventCounts();

    @Override
    public void configure() {
        onException(InvalidCloudEventException.class).handled(true)
                .log(LoggingLevel.WARN, "dev.ossa.example.collector", "Rejected a message: ${exception.message}")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setBody(simple("${exception.message}"));

        from("platform-http:/events?httpMethodRestrict=POST").routeId("collector-http")
                .to("direct:collect");

        from("kafka:{{collector.kafka.topic}}?brokers={{collector.kafka.brokers}}&groupId={{collector.kafka.group}}"
             + "&autoOffsetReset=earliest"
             + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("collector-kafka").autoStartup("{{collector.kafka.enabled}}")
                .to("direct:collect");

        from("direct:collect").routeId("collector")
                .unmarshal().custom("ossa-events")
                .split(body())
                    .bean(counts, "count")
                    .filter(simple("${body.type} regex '{{collector.alert-types}}'"))
                        .to("{{collector.alert-uri}}")
                    .end()
                    .marshal().custom("ossa-events")
                    .to("file:{{collector.dir}}?fileName={{collector.file}}&fileExist=Append&appendChars=\\\\n")
                .end()
                .setBody(constant("collected"));

        from("platform-http:/counts?httpMethodRestrict=GET").routeId("collector-counts")
                .setBody(method(counts, "snapshot"))
                .marshal().json(JsonLibrary.Jackson);
    }
}
