package dev.ossa.example;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example as README runs it: its Java and YAML routes print one run of the workflow to standard output, as JSON
 * Lines that the CloudEvents Java SDK reads back, then it stops by itself.
 */
class AgentWorkflowApplicationTest {

    @Test
    void printsAllElevenOssaTypesAsJsonLinesThenStops() {
        ExampleRun run = ExampleRun.run(Map.of());

        EventFormat json = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        List<CloudEvent> events = new ArrayList<>();
        for (String line : run.stdoutLines()) {
            events.add(json.deserialize(line.getBytes(StandardCharsets.UTF_8)));
        }
        OneWorkflowRun.assertComplete(events);
        assertEquals("dev.ossa.workflow.started", events.get(0).getType());
        assertEquals("dev.ossa.workflow.completed", events.get(events.size() - 1).getType());
    }
}
