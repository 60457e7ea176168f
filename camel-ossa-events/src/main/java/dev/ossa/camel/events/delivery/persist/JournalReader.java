package dev.ossa.camel.events.delivery.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the journal's segments at start and replays their records: the batches not yet confirmed, with their events,
 * and how many live events each segment holds. Damage is never skipped: a record whose checksum does not match, or a
 * segment that ends inside a record and is not the last one, fails the start with the file and the byte. Only the
 * last segment may end inside a record: that record was being written when the process or the machine stopped,
 * before its force to disk returned, so no caller was told it was stored; it is cut off, with a warning. A segment's
 * records end where only zeros follow (segments are made full length when created).
 */
final class JournalReader {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    private final Path directory;
    final List<JournalSegment> segments = new ArrayList<>();
    final Map<Long, StoredBatch> batches = new LinkedHashMap<>();
    /** Batches met by an event whose start was in a deleted segment, with where: each must be confirmed later. */
    private final Map<Long, String> startDeleted = new LinkedHashMap<>();
    long lastBatch;

    private JournalReader(Path directory) {
        this.directory = directory;
    }

    static JournalReader read(Path directory) throws IOException {
        JournalReader reader = new JournalReader(directory);
        long[] ids;
        try (Stream<Path> files = Files.list(directory)) {
            ids = files.mapToLong(file -> JournalSegment.idOf(file.getFileName().toString()))
                    .filter(id -> id >= 0).sorted().toArray();
        }
        for (int i = 0; i < ids.length; i++) {
            JournalSegment segment = new JournalSegment(ids[i], directory.resolve(JournalSegment.fileName(ids[i])));
            reader.segments.add(segment);
            reader.readSegment(segment, i == ids.length - 1);
        }
        if (!reader.startDeleted.isEmpty()) {
            Map.Entry<Long, String> first = reader.startDeleted.entrySet().iterator().next();
            throw reader.damaged(first.getValue(), "an event belongs to batch " + first.getKey()
                    + ", whose start is missing although it was never confirmed");
        }
        return reader;
    }

    private void readSegment(JournalSegment segment, boolean last) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(segment.file);
        } catch (IOException e) {
            throw new IOException("Cannot read the OSSA events store file " + segment.file + ": " + e, e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < JournalFormat.MAGIC.length) {
            cutOff(segment, last, 0, bytes.length, "it is shorter than its header");
            return;
        }
        if (!Arrays.equals(bytes, 0, JournalFormat.MAGIC.length, JournalFormat.MAGIC, 0, JournalFormat.MAGIC.length)) {
            throw damaged(segment, 0, "it does not start with the journal's header");
        }
        int position = JournalFormat.MAGIC.length;
        while (position < bytes.length) {
            int remaining = bytes.length - position;
            if (remaining < JournalFormat.HEADER) {
                cutOff(segment, last, position, remaining, "a record header is incomplete");
                return;
            }
            int length = buffer.getInt(position);
            if (length == 0 && zeros(bytes, position, bytes.length)) {
                break;
            }
            if (length < 1 || length > JournalFormat.MAX_RECORD) {
                throw damaged(segment, position, "a record length of " + length + " is impossible");
            }
            if (length > remaining - JournalFormat.HEADER) {
                cutOff(segment, last, position, remaining, "the last record is incomplete");
                return;
            }
            int checksum = buffer.getInt(position + 4);
            int end = position + JournalFormat.HEADER + length;
            if (checksum != JournalFormat.checksum(buffer, position + JournalFormat.HEADER, length)) {
                if (last && zeros(bytes, end, bytes.length)) {
                    cutOff(segment, true, position, end - position, "the last record was not completely written");
                    return;
                }
                throw damaged(segment, position, "a record's checksum does not match its bytes");
            }
            ByteBuffer record = buffer.duplicate().limit(position + JournalFormat.HEADER + length)
                    .position(position + JournalFormat.HEADER);
            replay(segment, position, record);
            position += JournalFormat.HEADER + length;
        }
        segment.size = position;
    }

    private void replay(JournalSegment segment, int position, ByteBuffer record) throws IOException {
        byte type = record.get();
        long number = record.getLong();
        lastBatch = Math.max(lastBatch, number);
        switch (type) {
            case JournalFormat.OPENED -> {
                StoredBatch batch = new StoredBatch(number, JournalFormat.getString(record),
                        JournalFormat.getString(record));
                for (StoredBatch other : batches.values()) {
                    if (!other.completed && other.key.equals(batch.key)) {
                        other.completed = true;
                    }
                }
                batches.put(number, batch);
            }
            case JournalFormat.EVENT -> {
                StoredBatch batch = batches.get(number);
                if (batch == null) {
                    // its start was in a segment deleted once every batch in it was confirmed: this one must be too
                    startDeleted.putIfAbsent(number, where(segment, position));
                    return;
                }
                byte[] event = new byte[record.remaining()];
                record.get(event);
                batch.events.add(event);
                batch.countEventIn(segment);
            }
            case JournalFormat.COMPLETED -> {
                StoredBatch batch = batches.get(number);
                if (batch != null) {
                    batch.completed = true;
                }
            }
            case JournalFormat.CONFIRMED -> {
                startDeleted.remove(number);
                StoredBatch batch = batches.remove(number);
                if (batch != null) {
                    batch.release();
                }
            }
            default -> throw damaged(segment, position, "a record has the unknown type " + type);
        }
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A record cut short at the end of the last segment was never acknowledged: drop it. Anywhere else: damage. */
    private void cutOff(JournalSegment segment, boolean last, int position, int bytes, String what) throws IOException {
        if (!last) {
            throw damaged(segment, position, what + ", and the segment is not the last one");
        }
        LOG.warn("The OSSA events store file {} ends with {} bytes of a record that was being written when the process"
                 + " stopped ({}); no event in it was acknowledged. Cutting them off.", segment.file, bytes, what);
        try (FileChannel channel = FileChannel.open(segment.file, StandardOpenOption.WRITE)) {
            channel.truncate(position);
            channel.force(true);
        }
        segment.size = position;
    }

    private static String where(JournalSegment segment, int position) {
        return "in " + segment.file.getFileName() + " at byte " + position;
    }

    private IOException damaged(JournalSegment segment, int position, String what) {
        return damaged(where(segment, position), what);
    }

    private IOException damaged(String where, String what) {
        return new IOException("The OSSA events store " + directory + " is damaged: " + where + ", " + what + ". It may hold accepted events that were not"
                               + " delivered, so it is not opened. Restore the file, or move the directory away to"
                               + " start with an empty store (its events are then not delivered).");
    }
}
