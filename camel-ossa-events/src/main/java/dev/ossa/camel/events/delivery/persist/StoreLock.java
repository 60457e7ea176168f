package dev.ossa.camel.events.delivery.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a store directory, held while the store is open: a second process (or a second stream in this
 * one) that opens the same store fails at once, with a message that names the holder, instead of sharing the files.
 * The operating system releases the lock when the process ends, however it ends.
 */
final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = "store.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("The OSSA events store " + directory + " is already open in this process, for"
                                  + " another batch stream: give each stream its own persistenceDirectory", e);
        }
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new IOException("The OSSA events store " + directory + " is in use by another process (" + holder
                                  + "): two processes must not share one store. Give each its own"
                                  + " persistenceDirectory.");
        }
        channel.truncate(0);
        String pid = ProcessHandle.current().pid() + "\n";
        channel.write(ByteBuffer.wrap(pid.getBytes(StandardCharsets.US_ASCII)), 0);
        return new StoreLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "pid unknown" : "pid " + pid;
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
