package dev.ossa.camel.events;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;

import dev.ossa.camel.events.delivery.BatchDispatcher;
import dev.ossa.camel.events.delivery.DirectDispatcher;
import dev.ossa.camel.events.delivery.EventDispatcher;
import dev.ossa.camel.events.delivery.SinkSender;
import dev.ossa.camel.events.event.InvalidCloudEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Builds and validates the event of each exchange, then delivers it or adds it to a batch. The exchange gets the
 * event's {@code CamelCloudEventID} and {@code CamelCloudEventTime} headers, and the event itself in the
 * {@value OssaEventsConstants#EVENT_PROPERTY} property. Stopping delivers every pending event before the sink stops.
 */
public class OssaEventsProducer extends DefaultProducer {

    private final OssaEventsEndpoint endpoint;
    private SinkSender sender;
    private EventDispatcher dispatcher;

    public OssaEventsProducer(OssaEventsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /** Exchange properties: the id and time an earlier send generated (not taken from the route's headers). */
    private static final String GENERATED_ID = "CamelOssaGeneratedId";
    private static final String GENERATED_TIME = "CamelOssaGeneratedTime";

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        forgetGenerated(exchange, OssaEventsConstants.ID, GENERATED_ID);
        forgetGenerated(exchange, OssaEventsConstants.TIME, GENERATED_TIME);
        boolean idGiven = message.getHeader(OssaEventsConstants.ID) != null;
        boolean timeGiven = message.getHeader(OssaEventsConstants.TIME) != null;
        OssaCloudEvent event;
        try {
            event = endpoint.getExchangeToEvent().toEvent(exchange);
        } catch (InvalidCloudEventException e) {
            endpoint.getCounters().rejected();
            throw e;
        }
        message.setHeader(OssaEventsConstants.ID, event.getId());
        message.setHeader(OssaEventsConstants.TIME, event.getTime());
        exchange.setProperty(GENERATED_ID, idGiven ? null : event.getId());
        exchange.setProperty(GENERATED_TIME, timeGiven ? null : event.getTime());
        exchange.setProperty(OssaEventsConstants.EVENT_PROPERTY, event);
        dispatcher.dispatch(event);
    }

    /**
     * The {@code CamelCloudEventID} and {@code CamelCloudEventTime} headers that an earlier send generated describe
     * that event, not the next one: a route that sends to several {@code ossa-events} endpoints in a row makes one new
     * event per send. An id or time the route sets itself is kept, also when the route's error handler sends again.
     */
    private static void forgetGenerated(Exchange exchange, String header, String generatedProperty) {
        Object generated = exchange.getProperty(generatedProperty);
        if (generated != null && generated.equals(exchange.getMessage().getHeader(header))) {
            exchange.getMessage().removeHeader(header);
        }
    }

    @Override
    protected void doStart() throws Exception {
        OssaEventsConfiguration configuration = endpoint.getConfiguration();
        sender = new SinkSender(getEndpoint().getCamelContext(), configuration.getSink(), endpoint.getBinding());
        ServiceHelper.startService(sender);
        if (configuration.getBatchSize() > 1) {
            dispatcher = new BatchDispatcher(getEndpoint().getCamelContext(), sender, configuration,
                    endpoint.getFormat(), endpoint.getCounters(), endpoint.getType());
        } else {
            dispatcher = new DirectDispatcher(sender, endpoint.getCounters());
        }
        ServiceHelper.startService(dispatcher);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(dispatcher, sender);
    }
}
