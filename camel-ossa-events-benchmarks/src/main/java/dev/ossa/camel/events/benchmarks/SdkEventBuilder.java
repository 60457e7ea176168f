package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.core.builder.CloudEventBuilder;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * What a Camel user writes by hand today to send CloudEvents: a processor that builds the exchange's event with the
 * CloudEvents Java SDK, from the same headers and body our side reads, the data encoded as JSON right away, and puts
 * it in the body for camel-kafka and the SDK's {@code CloudEventSerializer}. It checks nothing beyond what the SDK's
 * builder checks. (Camel's own {@code camel-cloudevents} transformer is not served at Camel 4.22.0.)
 */
final class SdkEventBuilder implements Processor {

    private static final URI SOURCE = URI.create(SampleEvent.SOURCE);

    private final ObjectMapper mapper;

    SdkEventBuilder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] data;
        try {
            data = mapper.writeValueAsBytes(message.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        message.setBody(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(SampleEvent.TYPE)
                .withSubject(SampleEvent.SUBJECT)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(SampleEvent.CONTENT_TYPE)
                .withExtension(OssaEventsConstants.AGENT_ID_ATTRIBUTE, SampleEvent.AGENT_ID)
                .withExtension(OssaEventsConstants.INTERACTION_ID_ATTRIBUTE,
                        message.getHeader(OssaEventsConstants.INTERACTION_ID, String.class))
                .withExtension(OssaEventsConstants.TRACE_ID_ATTRIBUTE,
                        message.getHeader(OssaEventsConstants.TRACE_ID, String.class))
                .withExtension(OssaEventsConstants.SPAN_ID_ATTRIBUTE,
                        message.getHeader(OssaEventsConstants.SPAN_ID, String.class))
                .withData(data)
                .build());
    }
}
