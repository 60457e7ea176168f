package dev.ossa.example;

import io.cloudevents.CloudEvent;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * With {@code example.sink=http}, the example receives its own events: a local HTTP server on
 * {@code example.http.port} hands each request to the {@code http-receiver} route, which reads the CloudEvents back
 * with the CloudEvents Java SDK and logs each one. Otherwise this adds nothing.
 * <p>
 * The receiver route starts first and stops last, so that events still batched when the workflow stops reach it.
 */
public class HttpReceiverRoutes extends RouteBuilder {

    static final String RECEIVER_URI = "direct:http-receiver";

    @Override
    public void configure() throws Exception {
        if (!"http".equals(getContext().resolvePropertyPlaceholders("{{example.sink}}"))) {
            return;
        }
        int port = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{example.http.port}}"));
        ReceivedEvents received = new ReceivedEvents();
        getContext().getRegistry().bind("receivedEvents", received);
        getContext().addService(received);
        getContext().addService(new CloudEventsHttpReceiver(getContext(), port, "/events", RECEIVER_URI));

        from(RECEIVER_URI).routeId("http-receiver").startupOrder(1)
                .process(new CloudEventsRequestReader())
                .bean(received, "add")
                .split(body())
                    .setBody(exchange -> CloudEventsRequestReader.describe(exchange.getIn().getBody(CloudEvent.class),
                            exchange.getIn().getHeader(CloudEventsRequestReader.RECEIVED_AS, String.class)))
                    .log(LoggingLevel.INFO, "dev.ossa.example.receiver", "Received ${body}")
                .end();
    }
}
