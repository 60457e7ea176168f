package dev.ossa.camel.events.springboot;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ossa.camel.events.OssaEventsComponent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code camel.component.ossa-events.enabled=false} turns the component's auto-configuration off. */
class DisabledAutoConfigurationTest {

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        try (ConfigurableApplicationContext app = StandaloneApp.run("camel.component.ossa-events.enabled=false")) {
            assertTrue(app.getBeansOfType(OssaEventsComponentConfiguration.class).isEmpty());
            OssaEventsComponent component = app.getBean(CamelContext.class)
                    .getComponent("ossa-events", OssaEventsComponent.class);
            assertNull(component.getConfiguration().getSource(), "source from application.yaml was not applied");
            assertEquals(5000, component.getConfiguration().getFlushInterval());
        }
    }

    @Test
    void enabledByDefault() {
        try (ConfigurableApplicationContext app = StandaloneApp.run()) {
            OssaEventsComponent component = app.getBean(CamelContext.class)
                    .getComponent("ossa-events", OssaEventsComponent.class);
            assertEquals("/agents/spring-boot-test", component.getConfiguration().getSource());
        }
    }
}
