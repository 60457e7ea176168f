package dev.ossa.camel.events.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.OssaEventsMode;

/**
 * Turns each exchange into an OSSA CloudEvent (CloudEvents 1.0 with the OSSA agent extensions) and delivers it, alone
 * or batched, to a sink endpoint. Every option of the {@code ossa-events} component, bound to
 * {@code camel.component.ossa-events.*}; each is the default for all the component's endpoints. A property under that
 * prefix that is not one of these fails the application's start, as Spring Boot reports unbound properties.
 */
@ConfigurationProperties(prefix = "camel.component.ossa-events", ignoreUnknownFields = false)
public class OssaEventsComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the ossa-events component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The CloudEvent source: a URI-reference naming the context that emits the events, e.g. /agents/planner or
     * urn:ossa:agent:planner. Required, here, on the endpoint or in the CamelCloudEventSource header.
     */
    private String source;
    /**
     * The Camel endpoint URI that receives the events, e.g. log:events, http://host/path or kafka:topic. The built-in
     * stdout prints JSON Lines to standard output.
     */
    private String sink = "stdout";
    /**
     * How events are laid out in sink messages: structured (the whole event as JSON in the body), binary (data in the
     * body, attributes in headers; HTTP and Kafka sinks) or batch (one JSON array per batch; not for Kafka).
     */
    private OssaEventsMode mode = OssaEventsMode.structured;
    /**
     * Pretty-print the JSON written to the stdout and log: sinks.
     */
    private Boolean pretty = false;
    /**
     * The application's own Jackson ObjectMapper that writes bodies (POJOs, Maps, Lists ...) as JSON data, as a bean:
     * #beanName. Unset: the component's mapper, which has the JSR-310 (java.time) and JDK 8 (Optional) modules and
     * writes dates as ISO-8601 text. The option is a com.fasterxml.jackson.databind.ObjectMapper type.
     */
    private ObjectMapper objectMapper;
    /**
     * Events per batch. 1 sends each event within its own exchange; above 1 the events are collected by Camel's
     * Aggregator and a batch leaves when it is full or when its oldest event has waited flush-interval.
     */
    private Integer batchSize = 1;
    /**
     * The longest an event waits in a batch that is not full: a duration such as 1s or 500ms, or milliseconds.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration flushInterval = Duration.ofMillis(5000);
    /**
     * Default for the ossaagentid extension: the agent that emits the events.
     */
    private String agentId;
    /**
     * Default for the ossainteractionid extension: the conversation or run the events belong to.
     */
    private String interactionId;
    /**
     * Default for the ossatraceid extension: the distributed trace id.
     */
    private String traceId;
    /**
     * Default for the ossaspanid extension: the span id within the trace.
     */
    private String spanId;
    /**
     * Read the trace context of each exchange: a valid W3C traceparent header (or, without one, the current
     * OpenTelemetry span when the OpenTelemetry API is on the classpath) gives ossatraceid, ossaspanid and the
     * traceparent and tracestate attributes; the OSSA keys of a W3C baggage header give the OSSA extensions. false
     * reads none of them.
     */
    private Boolean traceContext = true;
    /**
     * Default for the subject attribute: what the event is about within its source, e.g. a tool name.
     */
    private String subject;
    /**
     * Default for the dataschema attribute: an absolute URI of the schema the data adheres to.
     */
    private String dataSchema;
    /**
     * Default for the datacontenttype attribute: the RFC 2046 media type of the data. With a JSON media type, String
     * and byte array bodies that hold a JSON object or array are embedded as JSON.
     */
    private String dataContentType = "application/json";
    /**
     * Static extension attributes for every event, e.g. extensions.region=eu. Names use only a-z and 0-9; values are
     * strings.
     */
    private Map<String, String> extensions = new LinkedHashMap<>();
    /**
     * Static headers on every sink message, e.g. sink-headers.Authorization=Bearer xyz. Their values are secrets:
     * masked in /actuator/env and /actuator/configprops, never logged.
     */
    private Map<String, String> sinkHeaders = new LinkedHashMap<>();
    /**
     * The attribute whose value becomes the Kafka record key, e.g. ossaagentid. Unset: the partitionkey extension
     * when the event has one, otherwise no key.
     */
    private String keyField;
    /**
     * How many times a failed batch delivery is retried before the batch goes to dead-letter-uri (or is logged at
     * ERROR); -1 retries until the endpoint stops. Applies to batched delivery; unbatched sends fail their own
     * exchange.
     */
    private Integer maximumRedeliveries = 3;
    /**
     * The delay before the first retry of a failed batch (a duration such as 1s or 500ms, or milliseconds); it
     * doubles with every further retry.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration redeliveryDelay = Duration.ofMillis(500);
    /**
     * The Camel endpoint that receives a batch whose delivery failed after all retries, as a JSON array of its events.
     * Unset: the batch's event ids are logged at ERROR and counted.
     */
    private String deadLetterUri;
    /**
     * The longest a stop (of the route, the CamelContext or the emitter) waits for pending batched events to be
     * delivered: a duration such as 20s, or milliseconds. What is not delivered by then goes to dead-letter-uri (or its
     * ids are logged at ERROR) and is counted as failed before the stop returns.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration stopTimeout = Duration.ofMillis(20000);
    /**
     * How long a sender waits when its batch stream already holds 4 times batch-size pending events, before its
     * exchange fails with a PendingLimitException: a duration such as 30s, or milliseconds. Applies to batched
     * delivery.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration acceptTimeout = Duration.ofMillis(30000);
    /**
     * Keep batched events in a store on disk until the sink has them (batch-size above 1): the exchange that sends an
     * event completes only once the event is forced to disk, and events not yet delivered when the process ends,
     * however it ends, are delivered on the next start. Delivery is at least once: receivers deduplicate on source
     * and id. The store is a directory under persistence-directory, one per sink, and needs no server.
     */
    private Boolean persistent = false;
    /**
     * With persistent=true: the directory that holds the stores, one subdirectory per sink, relative to the working
     * directory unless absolute. A store is locked while open: a second process that opens it fails to start.
     */
    private String persistenceDirectory = "ossa-events-store";
    /**
     * Keep batched events in this Camel aggregation repository instead of memory (batch-size above 1), as a bean:
     * #beanName, e.g. camel-sql's JdbcAggregationRepository. Not together with persistent=true. The option is a
     * org.apache.camel.spi.AggregationRepository type.
     */
    private AggregationRepository aggregationRepository;
    /**
     * The default options of every endpoint of this component, as a bean: #beanName. The option is a
     * dev.ossa.camel.events.OssaEventsConfiguration type.
     */
    private OssaEventsConfiguration configuration;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component.
     */
    private Boolean autowiredEnabled = true;

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSink() {
        return sink;
    }

    public void setSink(String sink) {
        this.sink = sink;
    }

    public OssaEventsMode getMode() {
        return mode;
    }

    public void setMode(OssaEventsMode mode) {
        this.mode = mode;
    }

    public Boolean getPretty() {
        return pretty;
    }

    public void setPretty(Boolean pretty) {
        this.pretty = pretty;
    }

    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    public void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getInteractionId() {
        return interactionId;
    }

    public void setInteractionId(String interactionId) {
        this.interactionId = interactionId;
    }

    public String getTraceId() {
        return traceId;
    }

    public void setTraceId(String traceId) {
        this.traceId = traceId;
    }

    public String getSpanId() {
        return spanId;
    }

    public void setSpanId(String spanId) {
        this.spanId = spanId;
    }

    public Boolean getTraceContext() {
        return traceContext;
    }

    public void setTraceContext(Boolean traceContext) {
        this.traceContext = traceContext;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDataSchema() {
        return dataSchema;
    }

    public void setDataSchema(String dataSchema) {
        this.dataSchema = dataSchema;
    }

    public String getDataContentType() {
        return dataContentType;
    }

    public void setDataContentType(String dataContentType) {
        this.dataContentType = dataContentType;
    }

    public Map<String, String> getExtensions() {
        return extensions;
    }

    public void setExtensions(Map<String, String> extensions) {
        this.extensions = extensions;
    }

    public Map<String, String> getSinkHeaders() {
        return sinkHeaders;
    }

    public void setSinkHeaders(Map<String, String> sinkHeaders) {
        this.sinkHeaders = sinkHeaders;
    }

    public String getKeyField() {
        return keyField;
    }

    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }

    public Integer getMaximumRedeliveries() {
        return maximumRedeliveries;
    }

    public void setMaximumRedeliveries(Integer maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public Duration getRedeliveryDelay() {
        return redeliveryDelay;
    }

    public void setRedeliveryDelay(Duration redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public Duration getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    public Duration getAcceptTimeout() {
        return acceptTimeout;
    }

    public void setAcceptTimeout(Duration acceptTimeout) {
        this.acceptTimeout = acceptTimeout;
    }

    public Boolean getPersistent() {
        return persistent;
    }

    public void setPersistent(Boolean persistent) {
        this.persistent = persistent;
    }

    public String getPersistenceDirectory() {
        return persistenceDirectory;
    }

    public void setPersistenceDirectory(String persistenceDirectory) {
        this.persistenceDirectory = persistenceDirectory;
    }

    public AggregationRepository getAggregationRepository() {
        return aggregationRepository;
    }

    public void setAggregationRepository(AggregationRepository aggregationRepository) {
        this.aggregationRepository = aggregationRepository;
    }

    public OssaEventsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OssaEventsConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }
}
