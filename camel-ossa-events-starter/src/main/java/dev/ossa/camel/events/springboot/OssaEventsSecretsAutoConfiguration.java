package dev.ossa.camel.events.springboot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot's actuator on the classpath: masks the component's secrets in {@code /actuator/env} and
 * {@code /actuator/configprops}, whatever {@code management.endpoint.*.show-values} says.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class OssaEventsSecretsAutoConfiguration {

    @Bean
    public OssaEventsSecretsSanitizer ossaEventsSecretsSanitizer() {
        return new OssaEventsSecretsSanitizer();
    }
}
