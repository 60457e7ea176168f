package dev.ossa.camel.events.binding;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * The retry strategy of the HTTP client behind an {@code http:} or {@code https:} sink: never retry. Left to itself
 * the client sends a request again when the server answers 429 or 503, after the server's {@code Retry-After}
 * however long; the component already retries failed deliveries ({@code maximumRedeliveries},
 * {@code redeliveryDelay}), so each of its attempts must be exactly one request. Set on the sink endpoint as
 * {@code httpClient.retryStrategy} unless the sink URI sets that option itself.
 */
public final class HttpClientNoRetries implements HttpRequestRetryStrategy {

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
