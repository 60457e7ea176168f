package dev.ossa.camel.events.delivery;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread that delivers the completed batches of a stream, in order. Its queue needs no bound of its own:
 * {@link PendingEvents} bounds the events of all queued batches together. A task that ends with a {@link Throwable}
 * (an {@link Error} thrown past Camel's error handling, e.g. by a sink that is a route) is reported to
 * {@code onTaskDied}, so that the batch it carried is traced rather than lost; the thread is then replaced.
 */
final class DeliveryThread extends ThreadPoolExecutor {

    private final Consumer<Throwable> onTaskDied;

    DeliveryThread(String name, Consumer<Throwable> onTaskDied) {
        super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "ossa-events-delivery-" + name);
            thread.setDaemon(false);
            return thread;
        });
        this.onTaskDied = onTaskDied;
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        onTaskDied.accept(thrown);
    }
}
