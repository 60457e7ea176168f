package dev.ossa.camel.events.binding;

/**
 * The sink did not take the events: it could not be reached, or did not acknowledge them in time. Names the sink
 * (its URI without secrets) and what went wrong; the sink's own exception is the cause.
 */
public class SinkDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SinkDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
