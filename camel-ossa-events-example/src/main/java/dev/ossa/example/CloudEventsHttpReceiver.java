package dev.ossa.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server (the JDK's, on 127.0.0.1) that stands for the collector a real deployment would send events
 * to. Each POST is handed, with its headers and body, to a Camel endpoint (the receiver route); the request is
 * answered 202 when the route took it and 400 with the error otherwise.
 */
public final class CloudEventsHttpReceiver extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CloudEventsHttpReceiver.class);

    private final CamelContext context;
    private final int port;
    private final String path;
    private final String routeUri;
    private HttpServer server;
    private ProducerTemplate template;

    public CloudEventsHttpReceiver(CamelContext context, int port, String path, String routeUri) {
        this.context = context;
        this.port = port;
        this.path = path;
        this.routeUri = routeUri;
    }

    @Override
    protected void doStart() throws Exception {
        template = context.createProducerTemplate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(path, this::handle);
        server.start();
        LOG.info("Receiving CloudEvents on http://127.0.0.1:{}{}", server.getAddress().getPort(), path);
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (template != null) {
            template.stop();
        }
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            byte[] body;
            try (InputStream in = http.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!"POST".equals(http.getRequestMethod())) {
                answer(http, 405, "POST CloudEvents here");
                return;
            }
            Exchange result = template.request(routeUri, exchange -> {
                for (Map.Entry<String, List<String>> header : http.getRequestHeaders().entrySet()) {
                    exchange.getIn().setHeader(header.getKey(), String.join(",", header.getValue()));
                }
                exchange.getIn().setBody(body);
            });
            if (result.getException() != null) {
                answer(http, 400, result.getException().getMessage());
            } else {
                answer(http, 202, "");
            }
        }
    }

    private static void answer(HttpExchange http, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
