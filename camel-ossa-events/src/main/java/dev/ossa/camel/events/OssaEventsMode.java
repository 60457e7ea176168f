package dev.ossa.camel.events;

/**
 * How events are laid out in the sink's messages.
 */
public enum OssaEventsMode {
    /** One message per event, the whole event as JSON in the body. */
    structured,
    /** One message per event, the data in the body and the attributes in headers (HTTP and Kafka sinks). */
    binary,
    /** One message per batch, a JSON array of events (HTTP and other endpoints; not Kafka). */
    batch
}
