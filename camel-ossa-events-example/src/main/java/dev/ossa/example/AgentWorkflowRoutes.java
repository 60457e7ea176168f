package dev.ossa.example;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

import dev.ossa.camel.events.OssaEventType;

/**
 * A tiny agent run: the agent starts, calls a tool, and completes; each step is an OSSA event.
 */
public class AgentWorkflowRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:agent?repeatCount=1")
                .setHeader("CamelOssaAgentId", constant("planner"))
                .setBody(constant(Map.of("goal", "plan a trip to Lisbon")))
                .to(OssaEventType.AGENT_STARTED.uri())
                .setHeader("CamelCloudEventSubject", constant("weather.lookup"))
                .setBody(constant(Map.of("tool", "weather.lookup", "arguments", Map.of("city", "Lisbon"))))
                .to(OssaEventType.TOOL_CALLED.uri())
                .removeHeader("CamelCloudEventSubject")
                .setBody(constant(Map.of("result", "done")))
                .to(OssaEventType.AGENT_COMPLETED.uri());
    }
}
