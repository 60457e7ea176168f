package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;

import javax.net.ssl.SSLException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.GZIPHelper;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * The CloudEvents HTTP binding for {@code http:} and {@code https:} sinks, sent by Camel's HTTP producer as a POST:
 * <ul>
 * <li>structured: the JSON event, {@code Content-Type: application/cloudevents+json; charset=utf-8};</li>
 * <li>binary: the data bytes, {@code Content-Type} from {@code datacontenttype} exactly as written (none for an event
 * without data: an empty body has no media type), every other attribute in a percent-encoded {@code ce-<name>}
 * header;</li>
 * <li>batch: one JSON array per batch, {@code Content-Type: application/cloudevents-batch+json; charset=utf-8}; an
 * unbatched event ({@code batchSize=1}) is a batch of one.</li>
 * </ul>
 * The body is an {@link HttpBody}, so that the HTTP client writes {@code Content-Type} verbatim. A status outside 2xx
 * is a {@link SinkRejectedException} naming the status and the body returned; a request that got no answer (connection
 * refused, TLS, timeout) a {@link SinkDeliveryException} naming the sink and the reason.
 */
public final class HttpBinding implements SinkBinding {

    private static final int MAX_BODY_IN_ERROR = 2000;

    private final JsonEventFormat format;
    private final OssaEventsMode mode;
    private final SinkHeaders sinkHeaders;
    private final String sinkForErrors;

    public HttpBinding(JsonEventFormat format, OssaEventsMode mode, SinkHeaders sinkHeaders, String sinkUri) {
        this.format = format;
        this.mode = mode;
        this.sinkHeaders = sinkHeaders;
        this.sinkForErrors = URISupport.sanitizeUri(sinkUri);
    }

    @Override
    public void writeEvent(OssaCloudEvent event, Message message) {
        prepare(message);
        if (mode == OssaEventsMode.binary) {
            setBody(message, format.dataBytes(event), event.getData() == null ? null : event.getDataContentType());
            event.forEachAttribute((name, value) -> {
                if (!name.equals("datacontenttype")) {
                    message.setHeader("ce-" + name, HttpHeaderValues.encode(value.toString()));
                }
            });
        } else {
            setBody(message, format.event(event, false), JsonEventFormat.EVENT_CONTENT_TYPE);
        }
    }

    @Override
    public void writeBatch(List<OssaCloudEvent> events, Message message) {
        prepare(message);
        setBody(message, format.batch(events, false), JsonEventFormat.BATCH_CONTENT_TYPE);
    }

    @Override
    public boolean writesBatches() {
        return mode == OssaEventsMode.batch;
    }

    @Override
    public void checkReply(Exchange sinkExchange) {
        Message reply = sinkExchange.getMessage();
        Integer status = reply.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && (status < 200 || status > 299)) {
            String body = reply.getBody(String.class);
            if (body != null && body.length() > MAX_BODY_IN_ERROR) {
                body = body.substring(0, MAX_BODY_IN_ERROR) + "...";
            }
            throw new SinkRejectedException(sinkForErrors, status, body);
        }
    }

    /**
     * A request that failed before any answer (connection refused, unknown host, TLS handshake, timeout) becomes a
     * {@link SinkDeliveryException} that names the sink, the client's reason and what to check; the client's
     * exception stays its cause. Other failures are the sink's own.
     */
    @Override
    public Exception describeFailure(Exception failure) {
        IOException reason = ioCause(failure);
        if (reason == null) {
            return failure;
        }
        String hint;
        if (reason instanceof ConnectException) {
            hint = "check that the collector runs and listens at that address; the sink URI's connectTimeout bounds"
                   + " each attempt";
        } else if (reason instanceof UnknownHostException) {
            hint = "check the host name of the sink URI";
        } else if (reason instanceof SSLException) {
            hint = "check the collector's certificate and the sink URI's sslContextParameters";
        } else if (reason instanceof InterruptedIOException) {
            hint = "the collector did not answer in time; the sink URI's connectTimeout and responseTimeout bound"
                   + " the wait";
        } else {
            hint = "the connection failed before the collector answered";
        }
        return new SinkDeliveryException("HTTP sink " + sinkForErrors + " did not take the events: " + reason
                                         + ". " + Character.toUpperCase(hint.charAt(0)) + hint.substring(1), failure);
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private void prepare(Message message) {
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        sinkHeaders.applyTo(message);
    }

    /**
     * The body as an entity that carries {@code contentType} verbatim (see {@link HttpBody}); gzip-compressed when a
     * sink header asks for {@code Content-Encoding: gzip}, as camel-http does for other bodies.
     */
    private static void setBody(Message message, byte[] bytes, String contentType) {
        byte[] body = bytes;
        if (GZIPHelper.isGzip(message)) {
            try {
                body = GZIPHelper.compressGZIP(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot gzip the request body", e);
            }
        }
        message.setBody(new HttpBody(body, contentType));
    }
}
