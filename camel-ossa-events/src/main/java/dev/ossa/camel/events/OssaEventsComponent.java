package dev.ossa.camel.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

import dev.ossa.camel.events.context.OssaScopesPlugin;
import dev.ossa.camel.events.delivery.BatchStreams;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * The {@code ossa-events} component: every option set here is the default for all its endpoints.
 */
@Component("ossa-events")
public class OssaEventsComponent extends DefaultComponent {

    static {
        SensitiveOptionKeys.maskSinkHeadersInUris();
    }

    @Metadata
    private OssaEventsConfiguration configuration = newConfiguration();
    private JsonEventFormat format;
    private final BatchStreams batchStreams = new BatchStreams();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        checkMultiValueOptions(parameters);
        OssaEventsConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.getExtensions().putAll(PropertiesHelper.extractProperties(parameters, "extensions."));
        endpointConfiguration.getSinkHeaders().putAll(PropertiesHelper.extractProperties(parameters, "sinkHeaders."));
        OssaEventsEndpoint endpoint = new OssaEventsEndpoint(uri, this, endpointConfiguration);
        endpoint.setType(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** Binds the scope route policies ({@code routePolicyRef: ossaTool} ...) unless Camel's plugin did already. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        OssaScopesPlugin.bind(getCamelContext());
    }

    /**
     * A configuration whose {@code sinkHeaders} map registers each header name it is given as a sensitive key, so that
     * camel-main, which sets {@code camel.component.ossa-events.sinkHeaders[name]} by putting into this map, masks its
     * value in the startup summary.
     */
    private OssaEventsConfiguration newConfiguration() {
        OssaEventsConfiguration fresh = new OssaEventsConfiguration();
        fresh.setSinkHeaders(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object put(String name, Object value) {
                SensitiveOptionKeys.registerSinkHeader(getCamelContext(), name);
                return super.put(name, value);
            }
        });
        return fresh;
    }

    /**
     * Fails on {@code extensions} or {@code sinkHeaders} given as one value, as Camel 4.18's YAML DSL writes a nested map
     * under {@code parameters:}, instead of one {@code extensions.<name>} or {@code sinkHeaders.<name>} option each.
     */
    private static void checkMultiValueOptions(Map<String, Object> parameters) {
        for (String option : new String[] { "extensions", "sinkHeaders" }) {
            if (parameters.get(option) instanceof String) {
                throw new IllegalArgumentException("Option " + option + " takes one option per entry, " + option
                                                   + ".<name>=<value>, not a single value; in the YAML DSL write"
                                                   + " the dotted key under parameters (" + option + ".<name>: <value>)"
                                                   + ": Camel 4.18 does not expand a nested map there");
            }
        }
    }

    /** The JSON format shared by this component's endpoints. */
    public synchronized JsonEventFormat getFormat() {
        if (format == null) {
            format = new JsonEventFormat(JsonEventFormat.defaultMapper());
        }
        return format;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getCamelContext().addLifecycleStrategy(batchStreams.flushWhenContextStops());
    }

    @Override
    protected void doStop() throws Exception {
        getCamelContext().getLifecycleStrategies().remove(batchStreams.flushWhenContextStops());
        super.doStop();
    }

    /** The batch streams shared by this component's batched endpoints. */
    public BatchStreams getBatchStreams() {
        return batchStreams;
    }

    public OssaEventsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The default options of every endpoint of this component.
     */
    public void setConfiguration(OssaEventsConfiguration configuration) {
        this.configuration = configuration;
    }
}
