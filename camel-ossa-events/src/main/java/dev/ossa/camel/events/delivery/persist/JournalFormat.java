package dev.ossa.camel.events.delivery.persist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of the journal. A segment file starts with {@link #MAGIC}; then records, each
 * {@code [int length][int CRC-32C][byte type][payload]}, where length counts the type and payload bytes and the
 * checksum covers them. Payloads:
 * <ul>
 * <li>{@link #OPENED}: batch number, correlation key, exchange id (a batch starts);</li>
 * <li>{@link #EVENT}: batch number, the event as {@link EventCodec} wrote it;</li>
 * <li>{@link #COMPLETED}: batch number (the Aggregator completed the batch and hands it to delivery);</li>
 * <li>{@link #CONFIRMED}: batch number (the batch is done: delivered or dead-lettered).</li>
 * </ul>
 * Strings are an unsigned short length and UTF-8 bytes; numbers are big-endian.
 */
final class JournalFormat {

    static final byte[] MAGIC = "OSSAEVJ1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 8;
    /** The largest record the journal writes or reads: larger ones are refused, or read as damage. */
    static final int MAX_RECORD = 64 * 1024 * 1024;

    static final byte OPENED = 1;
    static final byte EVENT = 2;
    static final byte COMPLETED = 3;
    static final byte CONFIRMED = 4;

    private JournalFormat() {
    }

    /** Fills in the length and checksum of the record that starts at {@code start} and ends at the position. */
    static void seal(ByteBuffer buffer, int start) {
        int end = buffer.position();
        int length = end - start - HEADER;
        buffer.putInt(start, length);
        buffer.putInt(start + 4, checksum(buffer, start + HEADER, length));
    }

    static int checksum(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(offset + length).position(offset));
        return (int) crc.getValue();
    }

    static void putString(ByteBuffer buffer, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putShort((short) bytes.length);
        buffer.put(bytes);
    }

    static String getString(ByteBuffer buffer) {
        int length = Short.toUnsignedInt(buffer.getShort());
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
