package dev.ossa.camel.events.delivery;

import java.io.PrintStream;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The built-in {@code stdout} sink: writes the body's bytes to standard output and flushes, one message at a time.
 */
final class StdoutWriter implements Processor {

    @Override
    public void process(Exchange exchange) {
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        PrintStream out = System.out;
        synchronized (out) {
            out.write(bytes, 0, bytes.length);
            out.flush();
        }
    }
}
