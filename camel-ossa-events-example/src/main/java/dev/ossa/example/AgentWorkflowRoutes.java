package dev.ossa.example;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static dev.ossa.camel.events.OssaEventType.STATE_UPDATED;

/**
 * A trip-planning workflow in the Java DSL. The orchestrator starts one run, the planner agent drafts an itinerary
 * with the weather forecast, then the booker agent, in a CamelContext of its own reached over HTTP
 * ({@link BookerAgentContext}, routes in {@code booker/booker-agent.yaml}), tries to book the hotel.
 * <p>
 * The routes are scopes ({@code routePolicyRef}): each reports its own {@code started} event with its input and its
 * {@code completed} or {@code failed} event with its output, under a span of its own in one trace. No route sets an
 * id: the only send is the planner's state update. The endpoint options come from {@code application.properties}.
 */
public class AgentWorkflowRoutes extends RouteBuilder {

    @Override
    public void configure() {
        getContext().addLifecycleStrategy(new BookerAgentContext(getContext(),
                Integer.parseInt(getContext().resolvePropertyPlaceholders("{{example.booker.port}}"))));

        from("timer:trip-workflow?repeatCount=1&delay={{example.start-delay}}").routeId("trip-workflow")
                .setHeader("tripCity", constant("{{example.trip.city}}"))
                .setHeader("tripNights", constant("{{example.trip.nights}}"))
                .setHeader("tripBudget", constant("{{example.trip.budget-eur}}"))
                .setBody(simple("{\"workflow\":\"trip-planning\",\"request\":\"Plan and book ${header.tripNights}"
                                + " nights in ${header.tripCity}\",\"agents\":[\"planner\",\"booker\"]}"))
                .to("direct:trip-planning");

        from("direct:trip-planning").routeId("trip-planning").routePolicyRef("ossaWorkflow")
                .setBody(simple("{\"agent\":\"planner\",\"goal\":\"Draft a ${header.tripNights}-day itinerary for"
                                + " ${header.tripCity}\",\"model\":\"simulated-llm\"}"))
                .to("direct:planner")
                .setBody(simple("{\"agent\":\"booker\",\"goal\":\"Book ${header.tripNights} nights in"
                                + " ${header.tripCity}\",\"model\":\"simulated-llm\"}"))
                // the booker agent's own process: the trace goes along in the traceparent and baggage headers
                .to("http://127.0.0.1:{{example.booker.port}}/agents/booker?throwExceptionOnFailure=false")
                .setHeader("bookerOutcome", simple("${header." + Exchange.HTTP_RESPONSE_CODE
                                                   + "} == 200 ? 'completed' : 'failed'"))
                .setBody(simple("{\"workflow\":\"trip-planning\",\"status\":\"completed\",\"agents\":"
                                + "{\"planner\":\"completed\",\"booker\":\"${header.bookerOutcome}\"}}"));

        from("direct:planner").routeId("planner").routePolicyRef("ossaAgent")
                .setBody(simple("{\"turn\":1,\"prompt\":\"Which days suit the sights of ${header.tripCity}?\"}"))
                .to("direct:planner-turn")
                .setBody(constant("{\"agent\":\"planner\",\"result\":\"itinerary ready\"}"));

        from("direct:planner-turn").routeId("planner-turn").routePolicyRef("ossaTurn")
                .setBody(simple("{\"tool\":\"weather.forecast\",\"arguments\":{\"city\":\"${header.tripCity}\","
                                + "\"days\":${header.tripNights}}}"))
                .to("direct:weather-forecast")
                .setBody(constant(Map.of("itinerary", List.of(
                        "Day 1: Alfama and the castle", "Day 2: Belem by the river", "Day 3: Sintra"))))
                .to(STATE_UPDATED.uri())
                .setBody(constant("{\"turn\":1,\"response\":\"Itinerary drafted around the forecast.\"}"));

        // the tool's answer (a Map) is the data of tool.completed
        from("direct:weather-forecast").routeId("weather.forecast").routePolicyRef("ossaTool")
                .to("bean:tools?method=forecast(${header.tripCity}, ${header.tripNights})");
    }
}
