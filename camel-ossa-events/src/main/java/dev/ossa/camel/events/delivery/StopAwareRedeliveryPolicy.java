package dev.ossa.camel.events.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * Camel's redelivery policy for one sink message (an event, or a whole batch where one message carries it):
 * {@code maximumRedeliveries} retries with a delay that doubles from {@code redeliveryDelay} up to 60 s, or forever
 * ({@code -1}) until a stop begins. Once a stop began, no delay outlasts the stop's deadline and no retry starts after
 * it, so that the stop ends in time.
 */
final class StopAwareRedeliveryPolicy extends RedeliveryPolicy {

    private final transient StopDeadline stop;

    StopAwareRedeliveryPolicy(int maximumRedeliveries, long redeliveryDelay, StopDeadline stop) {
        this.stop = stop;
        setMaximumRedeliveries(maximumRedeliveries);
        setRedeliveryDelay(redeliveryDelay);
        setUseExponentialBackOff(true);
        setBackOffMultiplier(2);
        setMaximumRedeliveryDelay(Math.max(60_000L, redeliveryDelay));
        setRetryAttemptedLogLevel(LoggingLevel.WARN);
        setLogRetryStackTrace(false);
        setLogExhausted(false);
        setLogStackTrace(false);
        setLogHandled(false);
        setAllowRedeliveryWhileStopping(true);
    }

    @Override
    public boolean shouldRedeliver(Exchange exchange, int redeliveryCounter, Predicate retryWhile) {
        if (stop.passed()) {
            return false;
        }
        if (getMaximumRedeliveries() < 0) {
            return !stop.isStopping();
        }
        return super.shouldRedeliver(exchange, redeliveryCounter, retryWhile);
    }

    @Override
    public long calculateRedeliveryDelay(long previousDelay, int redeliveryCounter) {
        return Math.min(super.calculateRedeliveryDelay(previousDelay, redeliveryCounter), stop.remainingMillis());
    }
}
