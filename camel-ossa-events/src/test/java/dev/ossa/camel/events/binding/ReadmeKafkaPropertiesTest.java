package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsComponent;

/**
 * The Kafka defaults that README.md gives for {@code application.properties}, used as they are written against a
 * broker that is down: the sink URI bounds how long a send waits with {@code maxBlockMs}, so the exchange fails with
 * Kafka's reason after that bound rather than after Kafka's default of 60 seconds.
 */
class ReadmeKafkaPropertiesTest extends CamelTestSupport {

    private static final Pattern PROPERTIES_BLOCK = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesKafkaSinkBoundsTheWaitForABrokerThatIsDown() throws Exception {
        Properties properties = readmeProperties();
        String sink = properties.getProperty("camel.component.ossa-events.sink");
        assertNotNull(sink, "README.md's properties block sets camel.component.ossa-events.sink");
        Matcher maxBlockMs = Pattern.compile("[?&]maxBlockMs=(\\d+)").matcher(sink);
        assertTrue(maxBlockMs.find(), () -> "README.md's Kafka sink sets no maxBlockMs: " + sink);

        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setSource(properties.getProperty("camel.component.ossa-events.source"));
        component.getConfiguration().setSink(sink.replace("localhost:9092", "127.0.0.1:" + closedPort()));
        Exchange sent = template.send("ossa-events:dev.ossa.agent.started", e -> e.getIn().setBody("{}"));

        SinkDeliveryException failure = assertInstanceOf(SinkDeliveryException.class, sent.getException());
        assertTrue(failure.getMessage().contains("after " + maxBlockMs.group(1) + " ms"), failure::getMessage);
    }

    private static Properties readmeProperties() throws IOException, URISyntaxException {
        Path testClasses = Path.of(ReadmeKafkaPropertiesTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        String readme = Files.readString(testClasses.getParent().getParent().getParent().resolve("README.md"),
                StandardCharsets.UTF_8);
        Matcher block = PROPERTIES_BLOCK.matcher(readme);
        while (block.find()) {
            if (block.group(1).contains("camel.component.ossa-events.sink = kafka:")) {
                Properties properties = new Properties();
                properties.load(new StringReader(block.group(1)));
                return properties;
            }
        }
        throw new AssertionError("README.md has no properties block with a Kafka sink");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
