package dev.ossa.camel.events.dataformat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;

import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * A Camel context with a real HTTP consumer (platform-http on Vert.x, port 0 on loopback) whose route reads every
 * POST to {@code /events} with the {@code ossa-events} data format into {@code mock:events}; an invalid message is
 * answered 400 with the exception's message and goes to {@code mock:invalid}.
 */
abstract class ReceivingRoutes extends CamelTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private VertxPlatformHttpServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        server = new VertxPlatformHttpServer(configuration);
        context.addService(server);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidCloudEventException.class).handled(true)
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                        .setBody(simple("${exception.message}"))
                        .to("mock:invalid");
                from("platform-http:/events?httpMethodRestrict=POST")
                        .unmarshal().custom("ossa-events")
                        .to("mock:events")
                        .setBody(constant("received"));
                extraRoutes(this);
            }
        };
    }

    /** More routes for a test class. */
    protected void extraRoutes(RouteBuilder builder) {
    }

    String eventsUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/events";
    }

    /** POSTs to {@code /events} with the given headers; returns the answer. */
    HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        return post(headers, body, "/events");
    }

    /** POSTs to {@code path} with the given headers; returns the answer. */
    HttpResponse<String> post(Map<String, String> headers, byte[] body, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(eventsUrl().replace("/events", path)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
