package dev.ossa.camel.events.context;

import java.util.Locale;

import dev.ossa.camel.events.OssaEventType;

/**
 * What a route stands for, and the events it reports: when an exchange enters, when it leaves normally, and when it
 * leaves with an exception. OSSA has no failure type for workflows and turns: those are {@code dev.ossa.workflow.failed}
 * and {@code dev.ossa.turn.failed}, in the OSSA pattern.
 */
public enum ScopeKind {
    AGENT(OssaEventType.AGENT_STARTED, OssaEventType.AGENT_COMPLETED, OssaEventType.AGENT_FAILED),
    TOOL(OssaEventType.TOOL_CALLED, OssaEventType.TOOL_COMPLETED, OssaEventType.TOOL_FAILED),
    TURN(OssaEventType.TURN_STARTED, OssaEventType.TURN_COMPLETED, OssaEventType.TURN_FAILED),
    WORKFLOW(OssaEventType.WORKFLOW_STARTED, OssaEventType.WORKFLOW_COMPLETED, OssaEventType.WORKFLOW_FAILED);

    private final OssaEventType started;
    private final OssaEventType completed;
    private final OssaEventType failed;

    ScopeKind(OssaEventType started, OssaEventType completed, OssaEventType failed) {
        this.started = started;
        this.completed = completed;
        this.failed = failed;
    }

    /** The bean name of this kind's route policy, e.g. {@code ossaTool}: {@code routePolicyRef: ossaTool}. */
    public String policyName() {
        String name = name().toLowerCase(Locale.ROOT);
        return "ossa" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    OssaEventType started() {
        return started;
    }

    OssaEventType completed() {
        return completed;
    }

    OssaEventType failed() {
        return failed;
    }
}
