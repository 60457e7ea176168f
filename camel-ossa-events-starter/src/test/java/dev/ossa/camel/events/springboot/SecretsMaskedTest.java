package dev.ossa.camel.events.springboot;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application shows property values in {@code /actuator/env} and {@code /actuator/configprops}
 * ({@code show-values: always}); the starter still masks every {@code sink-headers.*} value.
 */
class SecretsMaskedTest extends SpringBootAppTest {

    private static final String SECRET = "s3cr3t-t0ken-for-tests";

    @Test
    void envMasksTheSinkHeaderButShowsOtherValues() {
        HttpResponse<String> env = get("/actuator/env");
        assertEquals(200, env.statusCode());
        assertFalse(env.body().contains(SECRET), env.body());
        assertTrue(env.body().contains("/agents/spring-boot-test"), "values are shown: " + env.body());

        HttpResponse<String> property = get("/actuator/env/camel.component.ossa-events.sink-headers.Authorization");
        assertEquals(200, property.statusCode(), property.body());
        assertTrue(property.body().contains("\"******\""), property.body());
        assertFalse(property.body().contains(SECRET), property.body());
    }

    @Test
    void configpropsMasksTheSinkHeaderButShowsOtherValues() {
        HttpResponse<String> configprops = get("/actuator/configprops");
        assertEquals(200, configprops.statusCode());
        String body = configprops.body();
        assertFalse(body.contains(SECRET), body);
        assertTrue(body.contains("camel.component.ossa-events"), body);
        assertTrue(body.contains("/agents/spring-boot-test"), "values are shown: " + body);
        assertTrue(body.contains("******"), body);
    }
}
