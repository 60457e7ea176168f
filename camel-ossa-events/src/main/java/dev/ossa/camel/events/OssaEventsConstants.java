package dev.ossa.camel.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.spi.Metadata;

/**
 * Headers read from the exchange by {@code ossa-events}. Camel's own CloudEvents header names are used where they
 * exist; a header wins over the endpoint and component options of the same attribute.
 */
public final class OssaEventsConstants {

    @Metadata(description = "The event `id`; a random UUID when absent. Set on the exchange after the send.",
              javaType = "String")
    public static final String ID = CloudEvent.CAMEL_CLOUD_EVENT_ID;
    @Metadata(description = "The event `source`, a URI-reference; overrides the `source` option.", javaType = "String")
    public static final String SOURCE = CloudEvent.CAMEL_CLOUD_EVENT_SOURCE;
    @Metadata(description = "The event `type`; overrides the endpoint path.", javaType = "String")
    public static final String TYPE = CloudEvent.CAMEL_CLOUD_EVENT_TYPE;
    @Metadata(description = "The event `subject`; overrides the `subject` option.", javaType = "String")
    public static final String SUBJECT = CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT;
    @Metadata(description = "The event `time`: RFC 3339 text, or an Instant, OffsetDateTime, ZonedDateTime or Date;"
                            + " the current UTC time when absent. Set on the exchange after the send.",
              javaType = "String")
    public static final String TIME = CloudEvent.CAMEL_CLOUD_EVENT_TIME;
    @Metadata(description = "The event `datacontenttype`, an RFC 2046 media type; overrides the `dataContentType`"
                            + " option.",
              javaType = "String")
    public static final String DATA_CONTENT_TYPE = CloudEvent.CAMEL_CLOUD_EVENT_DATA_CONTENT_TYPE;
    @Metadata(description = "The event `dataschema`, an absolute URI; overrides the `dataSchema` option.",
              javaType = "String")
    public static final String DATA_SCHEMA = CloudEvent.CAMEL_CLOUD_EVENT_SCHEMA_URL;
    @Metadata(description = "Extension attributes of this event: names of a-z and 0-9, values String, Integer,"
                            + " Boolean, URI, a timestamp or a byte array. Merged over the `extensions` options.",
              javaType = "java.util.Map<String, Object>")
    public static final String EXTENSIONS = CloudEvent.CAMEL_CLOUD_EVENT_EXTENSIONS;
    @Metadata(description = "The `ossaagentid` extension: the agent that emits the event.", javaType = "String")
    public static final String AGENT_ID = "CamelOssaAgentId";
    @Metadata(description = "The `ossainteractionid` extension: the conversation or run the event belongs to.",
              javaType = "String")
    public static final String INTERACTION_ID = "CamelOssaInteractionId";
    @Metadata(description = "The `ossatraceid` extension: the distributed trace id.", javaType = "String")
    public static final String TRACE_ID = "CamelOssaTraceId";
    @Metadata(description = "The `ossaspanid` extension: the span id within the trace.", javaType = "String")
    public static final String SPAN_ID = "CamelOssaSpanId";
    @Metadata(description = "The `ossaparentspanid` extension: the span that the event's span is a child of.",
              javaType = "String")
    public static final String PARENT_SPAN_ID = "CamelOssaParentSpanId";
    @Metadata(description = "The `ossaparentagentid` extension: the agent that called the event's agent.",
              javaType = "String")
    public static final String PARENT_AGENT_ID = "CamelOssaParentAgentId";
    @Metadata(description = "The `ossaworkflowid` extension: the workflow the event belongs to.", javaType = "String")
    public static final String WORKFLOW_ID = "CamelOssaWorkflowId";
    @Metadata(description = "The `ossatenantid` extension: the tenant the event belongs to.", javaType = "String")
    public static final String TENANT_ID = "CamelOssaTenantId";
    @Metadata(description = "W3C Trace Context `traceparent` (version, trace id, parent id, flags): gives"
                            + " `ossatraceid`, `ossaspanid` and the `traceparent` attribute; ignored when invalid or"
                            + " with `traceContext=false`.",
              javaType = "String")
    public static final String TRACEPARENT = "traceparent";
    @Metadata(description = "W3C Trace Context `tracestate`: the `tracestate` attribute, beside a valid"
                            + " `traceparent`.",
              javaType = "String")
    public static final String TRACESTATE = "tracestate";
    @Metadata(description = "W3C Baggage: the keys `ossa.agent_id`, `ossa.interaction_id`, `ossa.trace_id`,"
                            + " `ossa.span_id`, `ossa.parent_agent_id`, `ossa.workflow_id` and `ossa.tenant_id`"
                            + " give the OSSA extensions; other keys and malformed entries are ignored.",
              javaType = "String")
    public static final String BAGGAGE = "baggage";

    /** Exchange property that holds the {@code OssaCloudEvent} built from the exchange, after the send. */
    public static final String EVENT_PROPERTY = "CamelOssaEvent";

    /** Extension attribute names of the OSSA agent extensions. */
    public static final String AGENT_ID_ATTRIBUTE = "ossaagentid";
    public static final String INTERACTION_ID_ATTRIBUTE = "ossainteractionid";
    public static final String TRACE_ID_ATTRIBUTE = "ossatraceid";
    public static final String SPAN_ID_ATTRIBUTE = "ossaspanid";
    public static final String PARENT_SPAN_ID_ATTRIBUTE = "ossaparentspanid";
    public static final String PARENT_AGENT_ID_ATTRIBUTE = "ossaparentagentid";
    public static final String WORKFLOW_ID_ATTRIBUTE = "ossaworkflowid";
    public static final String TENANT_ID_ATTRIBUTE = "ossatenantid";
    /** How long a scope took, in milliseconds, on its {@code completed} and {@code failed} events. */
    public static final String DURATION_ATTRIBUTE = "ossadurationms";
    /** The CloudEvents distributed tracing extension. */
    public static final String TRACEPARENT_ATTRIBUTE = "traceparent";
    public static final String TRACESTATE_ATTRIBUTE = "tracestate";
    /** The CloudEvents partitioning extension, the default Kafka record key. */
    public static final String PARTITION_KEY_ATTRIBUTE = "partitionkey";

    /** OSSA extension attribute name to the header that sets it. */
    public static final Map<String, String> OSSA_EXTENSION_HEADERS = orderedOssaHeaders();

    private OssaEventsConstants() {
    }

    private static Map<String, String> orderedOssaHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AGENT_ID_ATTRIBUTE, AGENT_ID);
        headers.put(INTERACTION_ID_ATTRIBUTE, INTERACTION_ID);
        headers.put(TRACE_ID_ATTRIBUTE, TRACE_ID);
        headers.put(SPAN_ID_ATTRIBUTE, SPAN_ID);
        headers.put(PARENT_SPAN_ID_ATTRIBUTE, PARENT_SPAN_ID);
        headers.put(PARENT_AGENT_ID_ATTRIBUTE, PARENT_AGENT_ID);
        headers.put(WORKFLOW_ID_ATTRIBUTE, WORKFLOW_ID);
        headers.put(TENANT_ID_ATTRIBUTE, TENANT_ID);
        return Collections.unmodifiableMap(headers);
    }
}
