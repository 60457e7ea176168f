package dev.ossa.camel.events.springboot;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import dev.ossa.camel.events.OssaEventsComponent;

/**
 * Configures the {@code ossa-events} component from {@code camel.component.ossa-events.*}, unless
 * {@code camel.component.ossa-events.enabled} (or {@code camel.component.enabled}) is false.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, OssaEventsComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, OssaEventsComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.ossa-events" })
public class OssaEventsComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final OssaEventsComponentConfiguration configuration;

    public OssaEventsComponentAutoConfiguration(ApplicationContext applicationContext,
                                                OssaEventsComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureOssaEventsComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.ossa-events.customizer")
                       && target instanceof OssaEventsComponent;
            }
        };
    }
}
