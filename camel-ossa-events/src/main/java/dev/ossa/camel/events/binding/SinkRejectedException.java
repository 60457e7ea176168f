package dev.ossa.camel.events.binding;

/**
 * The sink answered, but refused the events: for HTTP a status outside 2xx. Names the status and the answer's body.
 */
public class SinkRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String responseBody;

    public SinkRejectedException(String sink, int status, String responseBody) {
        super("Sink " + sink + " refused the events with HTTP status " + status
              + (responseBody == null || responseBody.isEmpty() ? "" : ": " + responseBody));
        this.status = status;
        this.responseBody = responseBody;
    }

    /** The status the sink answered with. */
    public int getStatus() {
        return status;
    }

    /** The body of the sink's answer (at most 2000 characters), or null. */
    public String getResponseBody() {
        return responseBody;
    }
}
