package dev.ossa.camel.events.context;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a plain CamelContext needs for scopes. Where Camel's service loader sees this jar, nothing: the plugin binds the
 * policies when the context is built. Where it does not (an application class loader that hides the jar's service
 * file, as under {@code mvn exec:java}), creating the component before the routes start does it; configuring the
 * component's {@code source}, which scope events need anyway, is that line.
 */
class ScopeSetupTest {

    private static final String SERVICE_FILE = "META-INF/services/org.apache.camel.spi.ContextServicePlugin";

    /**
     * A class loader that sees everything but the service file of Camel's context plugins; it must be set before the
     * context is built, when Camel loads them.
     */
    private static final class HidingServiceFiles extends ClassLoader {

        HidingServiceFiles() {
            super(ScopeSetupTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return SERVICE_FILE.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    private static RouteBuilder toolRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tool").routeId("search").routePolicyRef("ossaTool").setBody(constant("found"));
            }
        };
    }

    @Test
    void noSetupWhereTheServiceLoaderSeesTheJar() throws Exception {
        RecordingSink sink = new RecordingSink("sink");
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(sink);
            context.addRoutes(toolRoute());
            context.start();
            assertInstanceOf(OssaScopePolicy.class, context.getRegistry().lookupByName("ossaTool"));
        }
    }

    @Test
    void creatingTheComponentBindsThePoliciesWhereTheServiceLoaderDoesNot() throws Exception {
        RecordingSink sink = new RecordingSink("sink");
        try (CamelContext context = new DefaultCamelContext(false)) {
            context.setApplicationContextClassLoader(new HidingServiceFiles());
            context.build();
            context.getComponent("ossa-events", OssaEventsComponent.class).getConfiguration().setSource("/agents/a");
            context.getComponent("ossa-events", OssaEventsComponent.class).getConfiguration().setSink(sink.uri());
            context.addRoutes(sink);
            context.addRoutes(toolRoute());
            context.start();

            assertEquals("found", context.createProducerTemplate().requestBody("direct:tool", "query"));
            assertEquals(2, sink.await(2).size(), "tool.called and tool.completed");
        }
    }

    @Test
    void withNeitherTheRouteCannotStartAndSaysWhichBeanIsMissing() throws Exception {
        try (CamelContext context = new DefaultCamelContext(false)) {
            context.setApplicationContextClassLoader(new HidingServiceFiles());
            context.build();
            Exception e = assertThrows(Exception.class, () -> {
                context.addRoutes(toolRoute());
                context.start();
            });
            Throwable cause = e instanceof FailedToCreateRouteException ? e : e.getCause();
            assertInstanceOf(FailedToCreateRouteException.class, cause);
            assertTrue(cause.getMessage().contains("ossaTool"), cause.getMessage());
        }
    }
}
