package dev.ossa.example;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

import static dev.ossa.camel.events.OssaEventType.AGENT_COMPLETED;
import static dev.ossa.camel.events.OssaEventType.AGENT_STARTED;
import static dev.ossa.camel.events.OssaEventType.STATE_UPDATED;
import static dev.ossa.camel.events.OssaEventType.TOOL_CALLED;
import static dev.ossa.camel.events.OssaEventType.TOOL_COMPLETED;
import static dev.ossa.camel.events.OssaEventType.TURN_COMPLETED;
import static dev.ossa.camel.events.OssaEventType.TURN_STARTED;
import static dev.ossa.camel.events.OssaEventType.WORKFLOW_COMPLETED;
import static dev.ossa.camel.events.OssaEventType.WORKFLOW_STARTED;
import static dev.ossa.camel.events.OssaEventsConstants.AGENT_ID;
import static dev.ossa.camel.events.OssaEventsConstants.INTERACTION_ID;
import static dev.ossa.camel.events.OssaEventsConstants.SPAN_ID;
import static dev.ossa.camel.events.OssaEventsConstants.SUBJECT;
import static dev.ossa.camel.events.OssaEventsConstants.TRACE_ID;

/**
 * A trip-planning workflow in the Java DSL. The orchestrator starts one run, the planner agent drafts an itinerary
 * with the weather forecast, then the booker agent (in {@code camel/booker-agent.yaml}) tries to book the hotel.
 * Every step is an OSSA event; the endpoint options (source, sink, mode ...) come from {@code application.properties}.
 * <p>
 * All events of a run share {@code ossainteractionid} and {@code ossatraceid}; each agent and each tool call has its
 * own {@code ossaspanid}.
 */
public class AgentWorkflowRoutes extends RouteBuilder {

    static final String CITY = "tripCity";
    static final String NIGHTS = "tripNights";
    static final String BUDGET = "tripBudget";
    static final String WORKFLOW_SPAN = "workflowSpan";
    /** The span of the agent whose steps are being reported; tool calls get spans of their own. */
    static final String AGENT_SPAN = "agentSpan";
    static final String ORCHESTRATOR = "trip-orchestrator";

    @Override
    public void configure() {
        from("timer:trip-workflow?repeatCount=1&delay={{example.start-delay}}").routeId("trip-workflow")
                .setHeader(CITY, constant("{{example.trip.city}}"))
                .setHeader(NIGHTS, constant("{{example.trip.nights}}"))
                .setHeader(BUDGET, constant("{{example.trip.budget-eur}}"))
                .setHeader(INTERACTION_ID, method("traceIds", "newInteractionId"))
                .setHeader(TRACE_ID, method("traceIds", "newTraceId"))
                .setHeader(WORKFLOW_SPAN, method("traceIds", "newSpanId"))
                .setHeader(AGENT_ID, constant(ORCHESTRATOR))
                .setHeader(SPAN_ID, header(WORKFLOW_SPAN))
                .setBody(simple("{\"workflow\":\"trip-planning\",\"request\":\"Plan and book ${header.tripNights}"
                                + " nights in ${header.tripCity}\",\"agents\":[\"planner\",\"booker\"]}"))
                .to(WORKFLOW_STARTED.uri())
                .to("direct:planner-agent")
                .to("direct:booker-agent")
                // back in the orchestrator: its own agent id and span again
                .setHeader(AGENT_ID, constant(ORCHESTRATOR))
                .setHeader(SPAN_ID, header(WORKFLOW_SPAN))
                .setBody(simple("{\"workflow\":\"trip-planning\",\"status\":\"completed\",\"agents\":"
                                + "{\"planner\":\"${header.plannerOutcome}\",\"booker\":\"${header.bookerOutcome}\"}}"))
                .to(WORKFLOW_COMPLETED.uri());

        from("direct:planner-agent").routeId("planner-agent")
                .setHeader(AGENT_ID, constant("planner"))
                .setHeader(SPAN_ID, method("traceIds", "newSpanId"))
                .setHeader(AGENT_SPAN, header(SPAN_ID))
                .setBody(simple("{\"agent\":\"planner\",\"goal\":\"Draft a ${header.tripNights}-day itinerary for"
                                + " ${header.tripCity}\",\"model\":\"simulated-llm\"}"))
                .to(AGENT_STARTED.uri())
                .setBody(simple("{\"turn\":1,\"prompt\":\"Which days suit the sights of ${header.tripCity}?\"}"))
                .to(TURN_STARTED.uri())
                // the tool call gets its own span and names the tool as the event's subject
                .setHeader(SPAN_ID, method("traceIds", "newSpanId"))
                .setHeader(SUBJECT, constant("weather.forecast"))
                .setBody(simple("{\"tool\":\"weather.forecast\",\"arguments\":{\"city\":\"${header.tripCity}\","
                                + "\"days\":${header.tripNights}}}"))
                .to(TOOL_CALLED.uri())
                // the tool's answer (a Map) is the data of tool.completed
                .to("bean:tools?method=forecast(${header.tripCity}, ${header.tripNights})")
                .to(TOOL_COMPLETED.uri())
                .setHeader(SPAN_ID, header(AGENT_SPAN))
                .removeHeader(SUBJECT)
                .setBody(constant(Map.of("itinerary", List.of(
                        "Day 1: Alfama and the castle", "Day 2: Belem by the river", "Day 3: Sintra"))))
                .to(STATE_UPDATED.uri())
                .setBody(constant("{\"turn\":1,\"response\":\"Itinerary drafted around the forecast.\"}"))
                .to(TURN_COMPLETED.uri())
                .setBody(constant("{\"agent\":\"planner\",\"result\":\"itinerary ready\"}"))
                .to(AGENT_COMPLETED.uri())
                .setHeader("plannerOutcome", constant("completed"));
    }
}
