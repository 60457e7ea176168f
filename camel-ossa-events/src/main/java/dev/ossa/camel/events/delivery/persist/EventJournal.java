package dev.ossa.camel.events.delivery.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store behind {@link JournalAggregationRepository}: append-only segment files of records (see
 * {@link JournalFormat}), one record per event, so adding an event costs the same whatever the size of its batch.
 * <p>
 * Writes go to the operating system at once; {@link #awaitDurable()} forces them to disk. Each segment is made
 * {@code segmentBytes} long when it is created (sparse), so that forcing a write does not also have to record a new
 * file length: that makes each force faster. The bytes after the last record are zeros. Callers that wait at the
 * same time share one force (group commit): the first forces everything written so far while the others wait for it,
 * then forces what was written meanwhile, a few times in a row while callers still wait, so that the next force
 * starts at once instead of when a waiting thread gets to run. Records other than events are not waited for: losing one in a
 * crash of the machine can only make a delivered batch be delivered again.
 * <p>
 * A segment is deleted when every batch with events in it, and in every older segment, is confirmed. The directory
 * is locked while the journal is open. After a failed write or force the journal refuses every further write, so
 * that nothing is acknowledged that might not be on disk.
 */
final class EventJournal implements AutoCloseable {

    static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    /** Forces one caller makes in a row for those that wait behind it, before it returns to its own work. */
    private static final int LEADER_ROUNDS = 4;

    private final Path directory;
    private final long segmentBytes;
    private final StoreLock lock;
    private final Deque<JournalSegment> segments = new ArrayDeque<>();
    private final Map<Long, StoredBatch> batches;
    private final List<StoredBatch> recovered;
    private JournalSegment current;
    private long nextBatch;
    private ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);
    /** Bytes written since open, over all segments; changed only under this object's lock. */
    private volatile long written;

    private final Object syncMonitor = new Object();
    private long durable;
    private boolean syncing;
    /** The most that a caller waiting for the force under way needs durable. */
    private long wanted;
    private volatile IOException failure;

    private EventJournal(Path directory, long segmentBytes, StoreLock lock, JournalReader reader) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.lock = lock;
        this.segments.addAll(reader.segments);
        this.batches = new LinkedHashMap<>(reader.batches);
        this.recovered = new ArrayList<>(reader.batches.values());
        this.nextBatch = reader.lastBatch + 1;
    }

    /**
     * Locks the directory (creating it if needed), reads what it holds and opens a new segment for writing.
     *
     * @throws IOException when another process holds the store, or it cannot be read, or it is damaged
     */
    static EventJournal open(Path directory, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        StoreLock lock = StoreLock.acquire(directory);
        try {
            EventJournal journal = new EventJournal(directory, segmentBytes, lock, JournalReader.read(directory));
            long last = journal.segments.isEmpty() ? 0 : journal.segments.getLast().id;
            journal.startSegment(last + 1);
            journal.deleteDeadSegments();
            return journal;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The batches found at open that were not confirmed, oldest first, with their events. */
    Collection<StoredBatch> recovered() {
        return recovered;
    }

    /** Starts a batch with its first event. */
    synchronized StoredBatch open(String key, String exchangeId, byte[] firstEvent) throws IOException {
        checkWritable(firstEvent);
        rollIfFull();
        StoredBatch batch = new StoredBatch(nextBatch++, key, exchangeId);
        ByteBuffer buffer = room(2 * JournalFormat.HEADER + 64 + 6 * (key.length() + exchangeId.length())
                                 + firstEvent.length);
        buffer.position(JournalFormat.HEADER);
        buffer.put(JournalFormat.OPENED).putLong(batch.number);
        JournalFormat.putString(buffer, key);
        JournalFormat.putString(buffer, exchangeId);
        JournalFormat.seal(buffer, 0);
        putEvent(buffer, batch, firstEvent);
        write(buffer);
        batches.put(batch.number, batch);
        batch.countEventIn(current);
        return batch;
    }

    /** Adds an event to a batch. */
    synchronized void event(StoredBatch batch, byte[] event) throws IOException {
        checkWritable(event);
        rollIfFull();
        ByteBuffer buffer = room(JournalFormat.HEADER + 9 + event.length);
        putEvent(buffer, batch, event);
        write(buffer);
        batch.countEventIn(current);
    }

    /** The Aggregator completed the batch: it is being delivered. */
    synchronized void completed(StoredBatch batch) throws IOException {
        checkWritable(null);
        batch.completed = true;
        writeMark(JournalFormat.COMPLETED, batch);
    }

    /** The batch is done; its segments may go once nothing older is live. */
    synchronized void confirmed(StoredBatch batch) throws IOException {
        if (batches.remove(batch.number) == null) {
            return;
        }
        checkWritable(null);
        writeMark(JournalFormat.CONFIRMED, batch);
        batch.release();
        deleteDeadSegments();
    }

    /**
     * Returns once everything written before this call is on disk.
     *
     * @throws IOException when a write or force failed: what was written may not be on disk
     */
    void awaitDurable() throws IOException, InterruptedException {
        long target = written;
        synchronized (syncMonitor) {
            while (true) {
                throwIfFailed();
                if (durable >= target) {
                    return;
                }
                if (!syncing) {
                    syncing = true;
                    break;
                }
                wanted = Math.max(wanted, target);
                syncMonitor.wait();
            }
        }
        for (int round = 1;; round++) {
            long upTo;
            FileChannel channel;
            synchronized (this) {
                upTo = written;
                channel = current.channel;
            }
            IOException error = null;
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // closed by a roll or by close(), each of which forced it first
            } catch (IOException e) {
                error = e;
            }
            synchronized (syncMonitor) {
                if (error != null) {
                    failure = error;
                } else {
                    durable = Math.max(durable, upTo);
                }
                syncMonitor.notifyAll();
                if (error != null || round >= LEADER_ROUNDS || wanted <= durable) {
                    syncing = false;
                    throwIfFailed();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            for (JournalSegment segment : segments) {
                if (segment.channel != null) {
                    if (segment == current && failure == null) {
                        segment.channel.force(false);
                    }
                    segment.channel.close();
                }
            }
            if (batches.isEmpty()) {
                for (JournalSegment segment : segments) {
                    Files.deleteIfExists(segment.file);
                }
                segments.clear();
            }
        } finally {
            lock.close();
        }
    }

    private void putEvent(ByteBuffer buffer, StoredBatch batch, byte[] event) {
        int start = buffer.position();
        buffer.position(start + JournalFormat.HEADER);
        buffer.put(JournalFormat.EVENT).putLong(batch.number).put(event);
        JournalFormat.seal(buffer, start);
    }

    private void writeMark(byte type, StoredBatch batch) throws IOException {
        ByteBuffer buffer = room(JournalFormat.HEADER + 9);
        buffer.position(JournalFormat.HEADER);
        buffer.put(type).putLong(batch.number);
        JournalFormat.seal(buffer, 0);
        write(buffer);
    }

    private ByteBuffer room(int bytes) {
        if (scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocate(Math.max(bytes, 2 * scratch.capacity()));
        }
        return scratch.clear();
    }

    private void write(ByteBuffer buffer) throws IOException {
        buffer.flip();
        int bytes = buffer.remaining();
        try {
            long position = current.size;
            while (buffer.hasRemaining()) {
                position += current.channel.write(buffer, position);
            }
        } catch (IOException e) {
            failure = e;
            throw new IOException("Cannot write to the OSSA events store " + directory + ": " + e, e);
        }
        current.size += bytes;
        written += bytes;
    }

    private void checkWritable(byte[] event) throws IOException {
        throwIfFailed();
        if (event != null && event.length > JournalFormat.MAX_RECORD - 9) {
            throw new IllegalArgumentException("An event of " + event.length + " bytes is too large for the OSSA"
                                               + " events store (at most " + (JournalFormat.MAX_RECORD - 9) + ")");
        }
    }

    private void throwIfFailed() throws IOException {
        IOException cause = failure;
        if (cause != null) {
            throw new IOException("The OSSA events store " + directory + " failed earlier and takes no more events"
                                  + " until it is opened again: " + cause, cause);
        }
    }

    private void rollIfFull() throws IOException {
        if (current.size < segmentBytes) {
            return;
        }
        try {
            current.channel.force(false);
            current.channel.close();
            current.channel = null;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        startSegment(current.id + 1);
        deleteDeadSegments();
    }

    private void startSegment(long id) throws IOException {
        JournalSegment segment = new JournalSegment(id, directory.resolve(JournalSegment.fileName(id)));
        segment.channel = FileChannel.open(segment.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segment.channel.write(ByteBuffer.wrap(JournalFormat.MAGIC));
        segment.channel.write(ByteBuffer.allocate(1), Math.max(segmentBytes, JournalFormat.MAGIC.length + 1) - 1);
        segment.channel.force(true);
        segment.size = JournalFormat.MAGIC.length;
        forceDirectory();
        segments.addLast(segment);
        current = segment;
    }

    /** Makes the new file's name durable too, not only its content. */
    private void forceDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
                throw e;
            }
        }
    }

    private void deleteDeadSegments() throws IOException {
        while (segments.size() > 1 && segments.getFirst() != current && segments.getFirst().live == 0) {
            JournalSegment dead = segments.removeFirst();
            if (dead.channel != null) {
                dead.channel.close();
            }
            Files.deleteIfExists(dead.file);
        }
    }
}
