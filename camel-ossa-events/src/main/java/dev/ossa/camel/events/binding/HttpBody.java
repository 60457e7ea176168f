package dev.ossa.camel.events.binding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The body of a request to an {@code http:} or {@code https:} sink, with its {@code Content-Type} exactly as given.
 * camel-http sends an {@code HttpEntity} body as it is; any other body it wraps in an entity whose content type it
 * has parsed with the HTTP client's {@code ContentType}, which writes the header back in its own form
 * ({@code text/plain;charset=utf-8} becomes {@code text/plain; charset=utf-8}, {@code charset="utf-8"} loses its
 * quotes). The CloudEvents HTTP binding maps {@code datacontenttype} to {@code Content-Type} unchanged, so the binding
 * hands camel-http this entity instead, and the client writes the header from {@link #getContentType()} verbatim.
 * Repeatable: every attempt sends the same bytes.
 */
final class HttpBody extends AbstractHttpEntity {

    private final byte[] bytes;

    /**
     * @param contentType the {@code Content-Type} header value, written as it is; null for none
     */
    HttpBody(byte[] bytes, String contentType) {
        super(contentType, null, false);
        this.bytes = bytes;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return bytes.length;
    }

    @Override
    public InputStream getContent() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
    }
}
