package dev.ossa.camel.events.delivery.persist;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One file of the journal. {@code live} counts its event records whose batch is not yet confirmed; a segment that is
 * not the one being written, and has no live events itself nor any older segment, is deleted.
 */
final class JournalSegment {

    static final String PREFIX = "segment-";
    static final String SUFFIX = ".log";

    final long id;
    final Path file;
    FileChannel channel;
    long size;
    int live;

    JournalSegment(long id, Path file) {
        this.id = id;
        this.file = file;
    }

    static String fileName(long id) {
        return PREFIX + String.format("%016d", id) + SUFFIX;
    }

    /** The segment id of a journal file name, or -1 when the name is not one. */
    static long idOf(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(fileName, PREFIX.length(), fileName.length() - SUFFIX.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
