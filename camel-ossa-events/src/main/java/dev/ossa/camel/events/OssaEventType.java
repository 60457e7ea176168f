package dev.ossa.camel.events;

/**
 * The eleven OSSA event types, {@code dev.ossa.<area>.<verb>}, and the two failures that OSSA does not name and that
 * workflow and turn scopes report: {@link #WORKFLOW_FAILED} and {@link #TURN_FAILED}. {@link #toString()} is the type itself, so
 * {@code to("ossa-events:" + OssaEventType.TOOL_CALLED)} and {@link #uri()} both name an endpoint.
 */
public enum OssaEventType {
    AGENT_STARTED("dev.ossa.agent.started"),
    AGENT_COMPLETED("dev.ossa.agent.completed"),
    AGENT_FAILED("dev.ossa.agent.failed"),
    TOOL_CALLED("dev.ossa.tool.called"),
    TOOL_COMPLETED("dev.ossa.tool.completed"),
    TOOL_FAILED("dev.ossa.tool.failed"),
    TURN_STARTED("dev.ossa.turn.started"),
    TURN_COMPLETED("dev.ossa.turn.completed"),
    STATE_UPDATED("dev.ossa.state.updated"),
    WORKFLOW_STARTED("dev.ossa.workflow.started"),
    WORKFLOW_COMPLETED("dev.ossa.workflow.completed"),
    /** Not one of OSSA's eleven: a workflow scope that ended with an exception. */
    WORKFLOW_FAILED("dev.ossa.workflow.failed"),
    /** Not one of OSSA's eleven: a turn scope that ended with an exception. */
    TURN_FAILED("dev.ossa.turn.failed");

    private final String type;

    OssaEventType(String type) {
        this.type = type;
    }

    /** The CloudEvent type, e.g. {@code dev.ossa.tool.called}. */
    public String type() {
        return type;
    }

    /** The endpoint URI for this type without options, e.g. {@code ossa-events:dev.ossa.tool.called}. */
    public String uri() {
        return "ossa-events:" + type;
    }

    /** The type for a CloudEvent type string, or null when it is not one of these. */
    public static OssaEventType fromType(String type) {
        for (OssaEventType value : values()) {
            if (value.type.equals(type)) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return type;
    }
}
