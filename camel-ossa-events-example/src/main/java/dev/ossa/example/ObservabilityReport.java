package dev.ossa.example;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the example begins to stop, logs what an operator would see of the ossa-events component: its Camel health
 * checks and its Micrometer meters (the {@code meterRegistry} bean of {@code application.properties}). Named in
 * {@code camel.main.main-listener-classes}.
 */
public final class ObservabilityReport extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityReport.class);

    private List<String> lastReport;

    /**
     * Reports first among the context's lifecycle strategies, before any of them stops something. camel-main may stop
     * the CamelContext from two threads at once (its duration task and its own stop): the first reports, the other
     * waits for that report and does not report again.
     */
    @Override
    public void afterStart(BaseMainSupport main) {
        main.getCamelContext().getLifecycleStrategies().add(0, new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                report(context);
            }
        });
    }

    private synchronized void report(CamelContext context) {
        if (lastReport == null) {
            lastReport = List.copyOf(lines(context));
            LOG.info("Health and meters of ossa-events:\n{}", String.join("\n", lastReport));
        }
    }

    /** What the report logged, or nothing before the CamelContext began to stop. */
    public synchronized List<String> lastReport() {
        return lastReport != null ? lastReport : List.of();
    }

    /**
     * One line per ossa-events health check ({@code id state details}), then one per meter that has counted anything
     * ({@code id values}).
     */
    public static List<String> lines(CamelContext context) {
        List<String> lines = HealthCheckHelper.invoke(context).stream()
                .filter(result -> "ossa-events".equals(result.getCheck().getGroup()))
                .map(ObservabilityReport::line).collect(Collectors.toList());
        MeterRegistry meters = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (meters != null) {
            meters.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("ossa.events."))
                    .filter(ObservabilityReport::hasCounted)
                    .sorted(Comparator.comparing(meter -> meter.getId().toString()))
                    .map(ObservabilityReport::line).forEach(lines::add);
        }
        return lines;
    }

    private static String line(HealthCheck.Result result) {
        return "health " + result.getCheck().getId() + " " + result.getState() + " pending="
               + result.getDetails().get("pending") + " delivered=" + result.getDetails().get("delivered")
               + " failed=" + result.getDetails().get("failed") + " dead-lettered="
               + result.getDetails().get("dead-lettered");
    }

    private static boolean hasCounted(Meter meter) {
        return StreamSupport.stream(meter.measure().spliterator(), false).anyMatch(m -> m.getValue() != 0);
    }

    private static String line(Meter meter) {
        String tags = meter.getId().getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(","));
        String values = StreamSupport.stream(meter.measure().spliterator(), false)
                .map(measurement -> measurement.getStatistic().getTagValueRepresentation() + "="
                                    + measurement.getValue())
                .collect(Collectors.joining(" "));
        return "meter " + meter.getId().getName() + "{" + tags + "} " + values;
    }
}
