package dev.ossa.camel.events.event;

/**
 * One event of a received batch broke a rule. Says which one by its index in the batch (from 0) and keeps the
 * attribute, the rule and the cause of the event's own exception.
 */
public class InvalidBatchEventException extends InvalidCloudEventException {

    private static final long serialVersionUID = 1L;

    private final int index;

    public InvalidBatchEventException(int index, InvalidCloudEventException cause) {
        super(cause.getAttribute(), cause.getRule(), "Event " + index + " of the batch: " + cause.getMessage(), cause);
        this.index = index;
    }

    /** The index of the invalid event in the batch, from 0. */
    public int getIndex() {
        return index;
    }
}
