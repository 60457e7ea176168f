package dev.ossa.camel.events;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of `ossa-events`, shared by the component (defaults for all its endpoints) and each endpoint.
 */
@UriParams
public class OssaEventsConfiguration implements Cloneable {

    @UriParam(label = "common")
    private String source;
    @UriParam(label = "common", defaultValue = "stdout")
    private String sink = "stdout";
    @UriParam(label = "common", defaultValue = "structured", enums = "structured,binary,batch")
    private OssaEventsMode mode = OssaEventsMode.structured;
    @UriParam(label = "formatting", defaultValue = "false")
    private boolean pretty;
    @UriParam(label = "formatting")
    private ObjectMapper objectMapper;
    @UriParam(label = "batching", defaultValue = "1")
    private int batchSize = 1;
    @UriParam(label = "batching", defaultValue = "5000", javaType = "java.time.Duration")
    private long flushInterval = 5000;
    @UriParam(label = "ossa")
    private String agentId;
    @UriParam(label = "ossa")
    private String interactionId;
    @UriParam(label = "ossa")
    private String traceId;
    @UriParam(label = "ossa")
    private String spanId;
    @UriParam(label = "ossa", defaultValue = "true")
    private boolean traceContext = true;
    @UriParam(label = "attributes")
    private String subject;
    @UriParam(label = "attributes")
    private String dataSchema;
    @UriParam(label = "attributes", defaultValue = "application/json")
    private String dataContentType = "application/json";
    @UriParam(label = "attributes", prefix = "extensions.", multiValue = true)
    private Map<String, Object> extensions = new LinkedHashMap<>();
    @UriParam(label = "sink", prefix = "sinkHeaders.", multiValue = true, secret = true)
    private Map<String, Object> sinkHeaders = new LinkedHashMap<>();
    @UriParam(label = "sink")
    private String keyField;
    @UriParam(label = "delivery", defaultValue = "3")
    private int maximumRedeliveries = 3;
    @UriParam(label = "delivery", defaultValue = "500", javaType = "java.time.Duration")
    private long redeliveryDelay = 500;
    @UriParam(label = "delivery")
    private String deadLetterUri;
    @UriParam(label = "delivery", defaultValue = "20000", javaType = "java.time.Duration")
    private long stopTimeout = 20_000;
    @UriParam(label = "delivery", defaultValue = "30000", javaType = "java.time.Duration")
    private long acceptTimeout = 30_000;
    @UriParam(label = "persistence", defaultValue = "false")
    private boolean persistent;
    @UriParam(label = "persistence", defaultValue = "ossa-events-store")
    private String persistenceDirectory = "ossa-events-store";
    @UriParam(label = "persistence,advanced")
    private AggregationRepository aggregationRepository;

    public String getSource() {
        return source;
    }

    /**
     * The CloudEvent `source`: a URI-reference naming the context that emits the events, e.g.
     * `/agents/planner` or `urn:ossa:agent:planner`. Required, here, on the component or in the
     * `CamelCloudEventSource` header.
     */
    public void setSource(String source) {
        this.source = source;
    }

    public String getSink() {
        return sink;
    }

    /**
     * The Camel endpoint URI that receives the events, e.g. `log:events`, `http://host/path` or `kafka:topic`
     * (wrap a URI that has options of its own in `RAW(...)`). The built-in `stdout` prints JSON Lines to standard
     * output.
     */
    public void setSink(String sink) {
        this.sink = sink;
    }

    public OssaEventsMode getMode() {
        return mode;
    }

    /**
     * How events are laid out in sink messages: `structured` (the whole event as JSON in the body),
     * `binary` (data in the body, attributes in headers; HTTP and Kafka sinks) or `batch` (one JSON
     * array per batch; not for Kafka).
     */
    public void setMode(OssaEventsMode mode) {
        this.mode = mode;
    }

    public boolean isPretty() {
        return pretty;
    }

    /**
     * Pretty-print the JSON written to the `stdout` and `log:` sinks.
     */
    public void setPretty(boolean pretty) {
        this.pretty = pretty;
    }

    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /**
     * The application's own Jackson `ObjectMapper` that writes bodies (POJOs, Maps, Lists ...) as JSON `data`, with
     * its modules and settings: a reference to a bean, e.g. `#myObjectMapper`. Unset: the component's mapper, which
     * has the JSR-310 (`java.time`) and JDK 8 (`Optional`) modules and writes dates as ISO-8601 text. Either way a
     * body without properties fails rather than becoming `{}`, and JSON text and bytes are read by the component's
     * mapper, which keeps numbers digit for digit.
     */
    public void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Events per batch. 1 sends each event within its own exchange; above 1 the events are collected by Camel's
     * Aggregator and a batch leaves when it is full or when its oldest event has waited `flushInterval`.
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getFlushInterval() {
        return flushInterval;
    }

    /**
     * The longest an event waits in a batch that is not full, in milliseconds (or a duration such as `2s`).
     */
    public void setFlushInterval(long flushInterval) {
        this.flushInterval = flushInterval;
    }

    public String getAgentId() {
        return agentId;
    }

    /**
     * Default for the `ossaagentid` extension: the agent that emits the events.
     */
    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getInteractionId() {
        return interactionId;
    }

    /**
     * Default for the `ossainteractionid` extension: the conversation or run the events belong to.
     */
    public void setInteractionId(String interactionId) {
        this.interactionId = interactionId;
    }

    public String getTraceId() {
        return traceId;
    }

    /**
     * Default for the `ossatraceid` extension: the distributed trace id.
     */
    public void setTraceId(String traceId) {
        this.traceId = traceId;
    }

    public String getSpanId() {
        return spanId;
    }

    /**
     * Default for the `ossaspanid` extension: the span id within the trace.
     */
    public void setSpanId(String spanId) {
        this.spanId = spanId;
    }

    public boolean isTraceContext() {
        return traceContext;
    }

    /**
     * Read the trace context of each exchange: a valid W3C `traceparent` header (or, without one, the current
     * OpenTelemetry span when the OpenTelemetry API is on the classpath) gives `ossatraceid`, `ossaspanid` and the
     * `traceparent` and `tracestate` attributes; the OSSA keys of a W3C `baggage` header give the OSSA extensions.
     * The `CamelOssa` headers rank above them, the options below. `false` reads none of them.
     */
    public void setTraceContext(boolean traceContext) {
        this.traceContext = traceContext;
    }

    public String getSubject() {
        return subject;
    }

    /**
     * Default for the `subject` attribute: what the event is about within its source, e.g. a tool name.
     */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDataSchema() {
        return dataSchema;
    }

    /**
     * Default for the `dataschema` attribute: an absolute URI of the schema the data adheres to.
     */
    public void setDataSchema(String dataSchema) {
        this.dataSchema = dataSchema;
    }

    public String getDataContentType() {
        return dataContentType;
    }

    /**
     * Default for the `datacontenttype` attribute: the RFC 2046 media type of the data. With a JSON media type
     * (subtype `json`, or a subtype with the `json` suffix) String and byte array bodies that hold a JSON object or
     * array are embedded as JSON.
     */
    public void setDataContentType(String dataContentType) {
        this.dataContentType = dataContentType;
    }

    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /**
     * Static extension attributes for every event, e.g. `extensions.region=eu`. Names use only a-z and 0-9;
     * values are strings.
     */
    public void setExtensions(Map<String, Object> extensions) {
        this.extensions = extensions;
    }

    public Map<String, Object> getSinkHeaders() {
        return sinkHeaders;
    }

    /**
     * Static headers on every sink message, e.g. `sinkHeaders.Authorization=RAW(Bearer xyz)`. Their values are
     * secrets: never logged, never shown in the endpoint's URI.
     */
    public void setSinkHeaders(Map<String, Object> sinkHeaders) {
        this.sinkHeaders = sinkHeaders;
    }

    public String getKeyField() {
        return keyField;
    }

    /**
     * The attribute whose value becomes the Kafka record key, e.g. `ossaagentid`. Unset: the
     * `partitionkey` extension when the event has one, otherwise no key.
     */
    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }

    public int getMaximumRedeliveries() {
        return maximumRedeliveries;
    }

    /**
     * How many times a failed sink message is retried before its events go to `deadLetterUri` (or their ids are
     * logged at ERROR); -1 retries until a stop begins. Counted per sink message: per event in `structured` and
     * `binary` modes over HTTP, per batch in `batch` mode and for Kafka. Applies to batched delivery; unbatched sends
     * fail their own exchange.
     */
    public void setMaximumRedeliveries(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    /**
     * The delay before the first retry of a failed batch, in milliseconds; it doubles with every further retry.
     */
    public void setRedeliveryDelay(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    /**
     * The Camel endpoint that receives a batch whose delivery failed after all retries, as a JSON array of its
     * events. Unset: the batch's event ids are logged at ERROR and counted.
     */
    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public long getStopTimeout() {
        return stopTimeout;
    }

    /**
     * The longest a stop (of the route, the CamelContext or the emitter) waits for pending batched events to be
     * delivered, in milliseconds (or a duration such as `20s`). Retries go on until then; what is not delivered by
     * then goes to `deadLetterUri` (or its ids are logged at ERROR) and is counted as failed before the stop returns.
     * The default fits a 30 s Kubernetes termination grace period.
     */
    public void setStopTimeout(long stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    public long getAcceptTimeout() {
        return acceptTimeout;
    }

    /**
     * How long a sender waits, in milliseconds (or a duration such as `30s`), when its batch stream already holds 4
     * times `batchSize` pending events (accepted, neither delivered nor dead-lettered), before its exchange fails with a
     * `PendingLimitException`. Applies to batched delivery.
     */
    public void setAcceptTimeout(long acceptTimeout) {
        this.acceptTimeout = acceptTimeout;
    }

    public boolean isPersistent() {
        return persistent;
    }

    /**
     * Keep batched events in a store on disk until the sink has them (`batchSize` above 1): the exchange that sends
     * an event completes only once the event is forced to disk, and events not yet delivered when the process ends,
     * however it ends, are delivered on the next start. Delivery is at least once: receivers deduplicate on `source`
     * and `id`. The store is a directory under `persistenceDirectory`, one per sink, and needs no server.
     */
    public void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    public String getPersistenceDirectory() {
        return persistenceDirectory;
    }

    /**
     * With `persistent=true`: the directory that holds the stores, one subdirectory per sink, relative to the
     * working directory unless absolute. A store is locked while open: a second process that opens it fails to
     * start.
     */
    public void setPersistenceDirectory(String persistenceDirectory) {
        this.persistenceDirectory = persistenceDirectory;
    }

    public AggregationRepository getAggregationRepository() {
        return aggregationRepository;
    }

    /**
     * Keep batched events in this Camel aggregation repository instead of memory (`batchSize` above 1), e.g.
     * `#bean:myJdbcRepository` for camel-sql's `JdbcAggregationRepository`. It stores each batch as a list of byte
     * arrays, one per event; a recoverable repository delivers on start what it still holds. Not together with
     * `persistent=true`.
     */
    public void setAggregationRepository(AggregationRepository aggregationRepository) {
        this.aggregationRepository = aggregationRepository;
    }

    /** A deep copy: endpoints start from the component's configuration and change only their own. */
    public OssaEventsConfiguration copy() {
        try {
            OssaEventsConfiguration copy = (OssaEventsConfiguration) super.clone();
            copy.extensions = new LinkedHashMap<>(extensions);
            copy.sinkHeaders = new LinkedHashMap<>(sinkHeaders);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
