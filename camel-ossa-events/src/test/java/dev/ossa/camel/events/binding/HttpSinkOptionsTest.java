package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;

/**
 * camel-http's own options in the sink URI: TLS through {@code sslContextParameters} and timeouts such as
 * {@code responseTimeout}, inside {@code RAW(...)}.
 * <p>
 * The test key pair (EC P-256, CN and SAN 127.0.0.1, valid 100 years) was made with {@code keytool -genkeypair
 * -keystore tls/http-sink-server.p12}; {@code tls/http-sink-trust.p12} holds only its certificate. Password:
 * {@code changeit}.
 */
class HttpSinkOptionsTest extends CamelTestSupport {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private RecordingHttpServer server;

    @AfterEach
    void stopServer() {
        template.stop();
        context.stop();
        if (server != null) {
            server.close();
        }
    }

    private static String ossaUri(String sink) {
        return "ossa-events:dev.ossa.agent.started?source=/agents/planner&sink=RAW(" + sink + ")";
    }

    private Exchange send(String uri) {
        return template.send(uri, exchange -> exchange.getIn().setBody(Map.of("goal", "plan a trip")));
    }

    @Test
    void deliversOverHttpsWithTheSslContextParametersOfTheSinkUri() throws Exception {
        server = RecordingHttpServer.startHttps(serverTls());
        context.getRegistry().bind("sinkTls", trustingTheTestCertificate());

        Exchange sent = send(ossaUri(server.url("/events") + "?sslContextParameters=#sinkTls"));

        assertNull(sent.getException());
        RecordedRequest request = server.onlyRequest();
        assertEquals("/events", request.path());
        CloudEvent event = SdkEventReader.read(request);
        assertEquals("dev.ossa.agent.started", event.getType());
    }

    @Test
    void deliversOverHttpsWithATlsBeanDeclaredInYaml() throws Exception {
        server = RecordingHttpServer.startHttps(serverTls());
        String routes = """
                - beans:
                    - name: sinkTls
                      type: org.apache.camel.support.jsse.SSLContextParameters
                      properties:
                        trustManagers:
                          keyStore:
                            resource: classpath:tls/http-sink-trust.p12
                            type: PKCS12
                            password: changeit
                - route:
                    from:
                      uri: direct:agent-started
                      steps:
                        - to:
                            uri: ossa-events:dev.ossa.agent.started
                            parameters:
                              source: /agents/planner
                              sink: "RAW(%s?sslContextParameters=#sinkTls&connectTimeout=2000&responseTimeout=5000)"
                              sinkHeaders.Authorization: "RAW(Bearer abc.def)"
                """.formatted(server.url("/events"));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("sink-https.yaml", routes));

        Exchange sent = template.send("direct:agent-started", exchange -> exchange.getIn().setBody(Map.of("n", 1)));

        assertNull(sent.getException());
        RecordedRequest request = server.onlyRequest();
        assertEquals("Bearer abc.def", request.header("Authorization"));
        assertEquals("dev.ossa.agent.started", SdkEventReader.read(request).getType());
    }

    @Test
    void refusesAnHttpsSinkWhoseCertificateItDoesNotTrust() throws Exception {
        server = RecordingHttpServer.startHttps(serverTls());

        Exchange sent = send(ossaUri(server.url("/events")));

        SinkDeliveryException error = assertInstanceOf(SinkDeliveryException.class, sent.getException());
        assertTrue(error.getMessage().contains("Check the collector's certificate"), error.getMessage());
        assertTrue(hasCause(error, SSLHandshakeException.class), error::toString);
        assertEquals(List.of(), server.requests());
    }

    @Test
    void failsTheExchangeWhenTheSinkDoesNotAnswerWithinTheResponseTimeoutOfTheSinkUri() throws Exception {
        server = RecordingHttpServer.start().otherwiseHang();

        Exchange sent = send(ossaUri(server.url("/events") + "?responseTimeout=300&connectTimeout=2000"));

        SinkDeliveryException error = assertInstanceOf(SinkDeliveryException.class, sent.getException());
        assertTrue(error.getMessage().contains("did not answer in time"), error.getMessage());
        assertTrue(hasCause(error, SocketTimeoutException.class), error::toString);
        assertEquals(1, server.requests().size());
    }

    private static SSLContext serverTls() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpSinkOptionsTest.class.getResourceAsStream("/tls/http-sink-server.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        return tls;
    }

    private SSLContextParameters trustingTheTestCertificate() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setCamelContext(context);
        trustStore.setResource("classpath:tls/http-sink-trust.p12");
        trustStore.setType("PKCS12");
        trustStore.setPassword("changeit");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setCamelContext(context);
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setCamelContext(context);
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
