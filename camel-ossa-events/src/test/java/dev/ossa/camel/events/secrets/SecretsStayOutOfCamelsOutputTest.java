package dev.ossa.camel.events.secrets;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ossa.camel.events.CapturedLog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets in {@code sinkHeaders.*} (under a header name no generic masking knows, {@code X-Collector-Key}) and in the
 * sink URI ({@code authPassword}, a SASL JAAS password) appear in none of the places Camel builds from the endpoint:
 * camel-main's startup summary of component properties, the JMX ObjectNames and attributes of a real MBeanServer,
 * and the messages of the exceptions that a failed endpoint or route creation raises.
 */
class SecretsStayOutOfCamelsOutputTest {

    private static final String HEADER_SECRET = "k3y-of-the-collector";
    private static final String PASSWORD = "pw-of-the-sink";
    private static final String JAAS_PASSWORD = "jaas-pw-of-the-broker";
    private static final List<String> SECRETS = List.of(HEADER_SECRET, PASSWORD, JAAS_PASSWORD);

    private static final String HTTP_SINK = "RAW(http://127.0.0.1:9/events?authMethod=Basic&authUsername=agent"
                                            + "&authPassword=" + PASSWORD + ")";
    private static final String KAFKA_SINK = "RAW(kafka:events?brokers=127.0.0.1:9&saslMechanism=PLAIN"
                                             + "&securityProtocol=SASL_PLAINTEXT&saslJaasConfig=RAW(org.apache.kafka"
                                             + ".common.security.plain.PlainLoginModule required username=\"agent\""
                                             + " password=\"" + JAAS_PASSWORD + "\";))";

    @Test
    void jmxObjectNamesAndAttributesShowNoSecret() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:http").routeId("to-http").to("ossa-events:dev.ossa.tool.called?source=/agents/jmx"
                        + "&sinkHeaders.X-Collector-Key=RAW(" + HEADER_SECRET + ")&sink=" + HTTP_SINK);
                from("direct:batched").routeId("to-http-batched").to("ossa-events:dev.ossa.tool.completed"
                        + "?source=/agents/jmx&batchSize=10&sinkHeaders.X-Collector-Key=" + HEADER_SECRET
                        + "&sink=" + HTTP_SINK);
            }
        });
        context.start();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context="
                                                                     + context.getManagementName() + ",*"), null);
            assertTrue(names.stream().anyMatch(name -> name.toString().contains("ossa-events")), names.toString());
            List<String> seen = new ArrayList<>();
            for (ObjectName name : names) {
                seen.add(name.toString());
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    if (attribute.isReadable() && attribute.getType().equals(String.class.getName())) {
                        seen.add(name + " " + attribute.getName() + "=" + read(server, name, attribute.getName()));
                    }
                }
            }
            assertTrue(seen.stream().anyMatch(text -> text.contains("EndpointUri=ossa-events")), "read the URIs");
            assertNoSecret(seen);
        } finally {
            context.stop();
        }
    }

    private static Object read(MBeanServer server, ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (Exception | LinkageError e) {
            return "(unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    @Test
    void failedEndpointCreationShowsNoSecret() {
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            Exception failure = assertThrows(Exception.class, () -> context.getEndpoint(
                    "ossa-events:dev.ossa.tool.called?source=/agents/x&sinkHeaders.X-Collector-Key=" + HEADER_SECRET
                    + "&sink=" + KAFKA_SINK + "&noSuchOption=1"));
            assertNoSecret(List.of(chain(failure)));
            assertTrue(chain(failure).contains("noSuchOption"), chain(failure));
        } finally {
            context.stop();
        }
    }

    @Test
    void failedRouteCreationShowsNoSecret() {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:broken").routeId("broken").to("ossa-events:dev.ossa.tool.called?source=/agents/x"
                            + "&sinkHeaders.X-Collector-Key=RAW(" + HEADER_SECRET + ")&sink=" + HTTP_SINK
                            + "&batchSize=0");
                }
            });
            Exception failure = assertThrows(Exception.class, context::start);
            assertTrue(chain(failure).contains("batchSize"), chain(failure));
            assertNoSecret(List.of(chain(failure)));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            context.stop();
        }
    }

    @Test
    void camelMainStartupSummaryShowsNoSecret(@TempDir Path dir) throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, String.join("\n",
                "camel.component.ossa-events.sinkHeaders[X-Collector-Key] = " + HEADER_SECRET,
                "camel.component.ossa-events.sink = " + HTTP_SINK.substring(4, HTTP_SINK.length() - 1),
                "camel.component.ossa-events.source = /agents/main", ""));
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + properties);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").routeId("main-route").to("ossa-events:dev.ossa.agent.started");
            }
        });
        List<String> logged;
        try (CapturedLog log = new CapturedLog("org.apache.camel")) {
            main.start();
            try {
                logged = log.messages();
            } finally {
                main.stop();
            }
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("sinkHeaders[X-Collector-Key] = xxxxxx")),
                "camel-main summarised the option, masked: " + logged);
        assertNoSecret(logged);
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static void assertNoSecret(List<String> texts) {
        for (String text : texts) {
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), "a secret shows in: " + text);
            }
        }
    }
}
