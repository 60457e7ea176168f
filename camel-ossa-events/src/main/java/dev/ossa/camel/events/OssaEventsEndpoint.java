package dev.ossa.camel.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.binding.SinkBinding;
import dev.ossa.camel.events.context.ExchangeTraceContext;
import dev.ossa.camel.events.binding.SinkBindings;
import dev.ossa.camel.events.delivery.BatchStreamKey;
import dev.ossa.camel.events.delivery.DeliveryCounters;
import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.EventDefaults;
import dev.ossa.camel.events.event.ExchangeToEvent;
import dev.ossa.camel.events.event.InvalidCloudEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.event.TraceContextSource;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * Turns each exchange into an OSSA CloudEvent (CloudEvents 1.0 with the OSSA agent extensions) and delivers it, alone
 * or batched, to a sink endpoint: stdout, `log:`, `http(s):`, `kafka:` or any Camel endpoint.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ossa-events", title = "OSSA Events", syntax = "ossa-events:type",
             producerOnly = true, category = { Category.MONITORING, Category.CLOUD },
             headersClass = OssaEventsConstants.class)
@ManagedResource(description = "OSSA events endpoint")
public class OssaEventsEndpoint extends DefaultEndpoint {

    /**
     * A {@code sinkHeaders.*} value, up to the next parameter that is one of this endpoint's options: a secret that
     * holds {@code &} or {@code )} is masked whole.
     */
    private static final Pattern SINK_HEADER_VALUE = Pattern.compile("(sinkHeaders\\.[^=&]+=).*?(?=&(?:"
            + new OssaEventsEndpointUriFactory().propertyNames().stream().map(Pattern::quote)
                    .collect(Collectors.joining("|"))
            + "|extensions\\.[^=&]*|sinkHeaders\\.[^=&]*)=|$)");

    @UriPath(description = "The CloudEvent type of the events, e.g. dev.ossa.tool.called; the CamelCloudEventType"
                           + " header overrides it per exchange.")
    @Metadata(required = true)
    private String type;
    @UriParam
    private OssaEventsConfiguration configuration;

    private DeliveryCounters counters = new DeliveryCounters();
    private JsonEventFormat format;
    private SinkBinding binding;
    private ExchangeToEvent exchangeToEvent;

    public OssaEventsEndpoint(String uri, OssaEventsComponent component, OssaEventsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new OssaEventsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("ossa-events only sends events: use it in to(...), not from(...)");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        checkOptions();
        format = ((OssaEventsComponent) getComponent()).getFormat();
        OssaEventsComponent component = (OssaEventsComponent) getComponent();
        boolean batched = configuration.getBatchSize() > 1;
        if (batched) {
            counters = component.getBatchStreams().counters(BatchStreamKey.of(configuration));
        }
        component.watch(configuration.getSink(), counters, batched);
        binding = SinkBindings.create(getCamelContext(), configuration, format);
        EventDefaults defaults = new EventDefaults(type, configuration.getSource(), configuration.getSubject(),
                configuration.getDataSchema(), configuration.getDataContentType(), defaultExtensions());
        ObjectMapper bodyMapper = configuration.getObjectMapper();
        exchangeToEvent = new ExchangeToEvent(defaults,
                new BodyToData(format.mapper(), bodyMapper != null ? bodyMapper : format.mapper()),
                configuration.isTraceContext() ? ExchangeTraceContext.INSTANCE : TraceContextSource.NONE);
        checkDefaultsMakeAValidEvent(defaults);
    }

    private void checkOptions() {
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("The event type is required: ossa-events:<type>, e.g."
                                               + " ossa-events:dev.ossa.agent.started");
        }
        if (configuration.getBatchSize() < 1) {
            throw new IllegalArgumentException("Option batchSize must be 1 or more, was " + configuration.getBatchSize());
        }
        if (configuration.getFlushInterval() <= 0) {
            throw new IllegalArgumentException(
                    "Option flushInterval must be above 0 ms, was " + configuration.getFlushInterval());
        }
        if (configuration.getMaximumRedeliveries() < -1) {
            throw new IllegalArgumentException("Option maximumRedeliveries must be 0 or more (-1: forever), was "
                                               + configuration.getMaximumRedeliveries());
        }
        if (configuration.getRedeliveryDelay() < 0) {
            throw new IllegalArgumentException(
                    "Option redeliveryDelay must not be negative, was " + configuration.getRedeliveryDelay());
        }
        if (configuration.getStopTimeout() < 0) {
            throw new IllegalArgumentException(
                    "Option stopTimeout must not be negative, was " + configuration.getStopTimeout());
        }
        if (configuration.getAcceptTimeout() < 0) {
            throw new IllegalArgumentException(
                    "Option acceptTimeout must not be negative, was " + configuration.getAcceptTimeout());
        }
        if (configuration.isPersistent() && configuration.getAggregationRepository() != null) {
            throw new IllegalArgumentException("Options persistent=true and aggregationRepository exclude each other:"
                                               + " choose the built-in store or your repository");
        }
        if (configuration.isPersistent() && (configuration.getPersistenceDirectory() == null
                                             || configuration.getPersistenceDirectory().isBlank())) {
            throw new IllegalArgumentException("Option persistenceDirectory must name a directory when persistent=true");
        }
        if (configuration.getMode() == null) {
            throw new IllegalArgumentException("Option mode must be structured, binary or batch");
        }
    }

    private Map<String, Object> defaultExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>(configuration.getExtensions());
        putIfSet(extensions, OssaEventsConstants.AGENT_ID_ATTRIBUTE, configuration.getAgentId());
        putIfSet(extensions, OssaEventsConstants.INTERACTION_ID_ATTRIBUTE, configuration.getInteractionId());
        putIfSet(extensions, OssaEventsConstants.TRACE_ID_ATTRIBUTE, configuration.getTraceId());
        putIfSet(extensions, OssaEventsConstants.SPAN_ID_ATTRIBUTE, configuration.getSpanId());
        return extensions;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Fails endpoint creation when an option can never make a valid event, e.g. {@code extensions.MyExt=x}. */
    private static void checkDefaultsMakeAValidEvent(EventDefaults defaults) {
        OssaCloudEvent.Builder probe = OssaCloudEvent.builder().id("probe").type(defaults.type())
                .source(defaults.source() != null ? defaults.source() : "/probe").subject(defaults.subject())
                .dataSchema(defaults.dataSchema()).dataContentType(defaults.dataContentType());
        defaults.extensions().forEach(probe::extension);
        try {
            probe.build();
        } catch (InvalidCloudEventException e) {
            String hint = "datacontenttype".equals(e.getAttribute()) && defaults.dataContentType().contains(" ")
                    ? " (a '+' in an endpoint URI reads as a space: write the value as RAW(type/subtype+suffix))" : "";
            throw new IllegalArgumentException("Invalid option: " + e.getMessage() + hint, e);
        }
    }

    /** The URI with every {@code sinkHeaders.*} value and every secret of the sink URI (passwords, JAAS) masked. */
    @Override
    public String toString() {
        return URISupport.sanitizeUri("ossa-events://" + type + maskedQuery());
    }

    private String maskedQuery() {
        String uri = getEndpointUri();
        int question = uri.indexOf('?');
        return question < 0 ? "" : SINK_HEADER_VALUE.matcher(uri.substring(question)).replaceAll("$1xxxxxx");
    }

    public String getType() {
        return type;
    }

    /**
     * The CloudEvent type of the events, e.g. {@code dev.ossa.tool.called}.
     */
    public void setType(String type) {
        this.type = type;
    }

    public OssaEventsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     */
    public void setConfiguration(OssaEventsConfiguration configuration) {
        this.configuration = configuration;
    }

    JsonEventFormat getFormat() {
        return format;
    }

    SinkBinding getBinding() {
        return binding;
    }

    ExchangeToEvent getExchangeToEvent() {
        return exchangeToEvent;
    }

    DeliveryCounters getCounters() {
        return counters;
    }

    @ManagedAttribute(description = "Events that passed validation and were taken for delivery")
    public long getEventsAccepted() {
        return counters.getAccepted();
    }

    @ManagedAttribute(description = "Events rejected because they broke a CloudEvents rule")
    public long getEventsRejected() {
        return counters.getRejected();
    }

    @ManagedAttribute(description = "Events the sink took")
    public long getEventsDelivered() {
        return counters.getDelivered();
    }

    @ManagedAttribute(description = "Events whose delivery failed for good (after all retries when batched)")
    public long getEventsFailed() {
        return counters.getFailed();
    }

    @ManagedAttribute(description = "Failed events that the dead-letter endpoint took")
    public long getEventsDeadLettered() {
        return counters.getDeadLettered();
    }

    @ManagedAttribute(description = "Events read back from the persistent store at start, to be delivered")
    public long getEventsRecovered() {
        return counters.getRecovered();
    }

    @ManagedAttribute(description = "Events waiting in batches or being delivered")
    public long getEventsPending() {
        return counters.getPending();
    }
}
