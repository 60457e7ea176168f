package dev.ossa.camel.events;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;

import dev.ossa.camel.events.delivery.BatchDispatcher;
import dev.ossa.camel.events.delivery.BatchStream;
import dev.ossa.camel.events.delivery.BatchStreamKey;
import dev.ossa.camel.events.delivery.DirectDispatcher;
import dev.ossa.camel.events.delivery.EventDispatcher;
import dev.ossa.camel.events.delivery.SinkSender;
import dev.ossa.camel.events.event.InvalidCloudEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Builds and validates the event of each exchange, then delivers it or adds it to a batch. The exchange gets the
 * event's {@code CamelCloudEventID} and {@code CamelCloudEventTime} headers, and the event itself in the
 * {@value OssaEventsConstants#EVENT_PROPERTY} property. Stopping delivers every pending event before the sink stops.
 * <p>
 * An asynchronous producer: unbatched, the exchange completes when the sink has answered, and a sink that answers
 * later (Kafka's) does not hold the caller's thread meanwhile, so an asynchronous route has many sends in flight. A
 * failed send fails its own exchange.
 */
public class OssaEventsProducer extends DefaultAsyncProducer {

    /** Exchange properties: the id and time this producer generated for the exchange's last event, if any. */
    private static final String GENERATED_ID = "CamelOssaGeneratedId";
    private static final String GENERATED_TIME = "CamelOssaGeneratedTime";

    private final OssaEventsEndpoint endpoint;
    private SinkSender sender;
    private BatchStream stream;
    private EventDispatcher dispatcher;

    public OssaEventsProducer(OssaEventsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        OssaCloudEvent event;
        try {
            event = accept(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return dispatcher.dispatch(event, exchange, callback);
    }

    /** Builds and validates the exchange's event and records it on the exchange. */
    private OssaCloudEvent accept(Exchange exchange) {
        Message message = exchange.getMessage();
        forgetGeneratedValues(exchange, message);
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
        return event;
    }

    /**
     * The {@code CamelCloudEventID} and {@code CamelCloudEventTime} headers that an earlier send generated and put on
     * this exchange describe that event, not the next one: a route that sends to several {@code ossa-events}
     * endpoints in a row makes one new event per send. An id or time the route set itself is kept, also when the
     * route's error handler redelivers the exchange.
     */
    private static void forgetGeneratedValues(Exchange exchange, Message message) {
        Object generatedId = exchange.getProperty(GENERATED_ID);
        if (generatedId != null && generatedId.equals(message.getHeader(OssaEventsConstants.ID))) {
            message.removeHeader(OssaEventsConstants.ID);
        }
        Object generatedTime = exchange.getProperty(GENERATED_TIME);
        if (generatedTime != null && generatedTime.equals(message.getHeader(OssaEventsConstants.TIME))) {
            message.removeHeader(OssaEventsConstants.TIME);
        }
    }

    @Override
    protected void doStart() throws Exception {
        OssaEventsConfiguration configuration = endpoint.getConfiguration();
        CamelContext context = getEndpoint().getCamelContext();
        if (configuration.getBatchSize() > 1) {
            BatchStreamKey key = BatchStreamKey.of(configuration);
            stream = ((OssaEventsComponent) endpoint.getComponent()).getBatchStreams().acquire(key, () -> {
                SinkSender batchSender = new SinkSender(context, configuration.getSink(), endpoint.getBinding());
                return new BatchStream(key, batchSender, new BatchDispatcher(context, batchSender, configuration,
                        endpoint.getFormat(), endpoint.getCounters(), endpoint.getType()));
            });
            dispatcher = stream.dispatcher();
        } else {
            sender = new SinkSender(context, configuration.getSink(), endpoint.getBinding());
            dispatcher = new DirectDispatcher(sender, endpoint.getCounters());
            ServiceHelper.startService(sender, dispatcher);
        }
    }

    /** Delivers every pending event of this producer; the sink's producer stops when its last user stops. */
    @Override
    protected void doStop() throws Exception {
        if (stream != null) {
            BatchStream released = stream;
            stream = null;
            ((OssaEventsComponent) endpoint.getComponent()).getBatchStreams().release(released);
        } else {
            ServiceHelper.stopService(dispatcher, sender);
        }
    }
}
