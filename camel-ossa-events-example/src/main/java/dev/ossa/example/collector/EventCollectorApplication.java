package dev.ossa.example.collector;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the event collector: it receives OSSA events over HTTP ({@code POST /events}, any CloudEvents HTTP mode) and,
 * when enabled, from a Kafka topic; alerts on {@code dev.ossa.*.failed}, appends every event to a JSON Lines file
 * and counts them per type ({@code GET /counts}). Its settings are in {@code collector.properties}; it runs until
 * stopped (Ctrl+C) or for {@code camel.main.duration-max-seconds}.
 */
public final class EventCollectorApplication {

    private EventCollectorApplication() {
    }

    public static void main(String[] args) {
        try {
            create().run(args);
        } catch (Exception e) {
            System.err.println("The collector could not run: " + e);
            System.exit(1);
        }
    }

    /** The collector's camel-main, not started; tests start it with their own property overrides. */
    static Main create() {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:collector.properties");
        main.configure().addRoutesBuilder(new CollectorRoutes());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeStart(BaseMainSupport started) {
                var properties = started.getCamelContext().getPropertiesComponent();
                VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
                http.setBindHost(properties.resolveProperty("collector.http.host").orElse("127.0.0.1"));
                http.setBindPort(Integer.parseInt(properties.resolveProperty("collector.http.port").orElse("8766")));
                try {
                    started.getCamelContext().addService(new VertxPlatformHttpServer(http));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the collector's HTTP server", e);
                }
            }
        });
        return main;
    }
}
