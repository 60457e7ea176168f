package dev.ossa.camel.events.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;

/**
 * The process that {@link PersistentCrashRecoveryTest} kills: a route to {@code ossa-events} with {@code persistent=true},
 * fed by several threads for as long as it lives. Each id whose exchange completed without an exception is written to
 * the acknowledgement file at once (unbuffered: the operating system keeps it when the process is killed). It prints
 * {@code recovered <n>} after start.
 * <p>
 * Arguments: endpoint URI, acknowledgement file, run label, {@code emit} or {@code drain}. {@code drain} sends
 * nothing: it waits until every recovered event is delivered, stops the CamelContext and exits.
 */
public final class CrashingEmitter {

    private static final int THREADS = 4;

    private CrashingEmitter() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        Path acks = Path.of(args[1]);
        String run = args[2];
        boolean drain = "drain".equals(args[3]);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to(uri);
            }
        });
        context.start();
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        System.out.println("recovered " + endpoint.getEventsRecovered());
        System.out.flush();
        if (drain) {
            long deadline = System.nanoTime() + 45_000_000_000L;
            while (endpoint.getEventsPending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.println("pending " + endpoint.getEventsPending() + " delivered " + endpoint.getEventsDelivered());
            if (endpoint.getEventsPending() > 0) {
                for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                    System.out.print(thread);
                }
            }
            System.out.flush();
            context.stop();
            System.exit(0);
        }
        try (OutputStream out = Files.newOutputStream(acks, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ProducerTemplate template = context.createProducerTemplate();
            Thread[] senders = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                String prefix = run + "-" + t + "-";
                senders[t] = new Thread(() -> send(template, prefix, out));
                senders[t].start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
        }
    }

    private static void send(ProducerTemplate template, String prefix, OutputStream acks) {
        for (long n = 0;; n++) {
            String id = prefix + n;
            long number = n;
            Exchange exchange = template.request("direct:emit", e -> {
                e.getMessage().setHeader(OssaEventsConstants.ID, id);
                e.getMessage().setBody(Map.of("n", number, "note", "sent before a kill -9"));
            });
            if (exchange.getException() == null) {
                byte[] line = (id + "\n").getBytes(StandardCharsets.US_ASCII);
                synchronized (acks) {
                    try {
                        acks.write(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }
}
