package org.vigie.link.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking TCP connection with a bounded output queue. Senders append whole messages (or drop them whole
 * when the queue is full) and write what the socket takes at once ({@link #send}), or only queue them for the next
 * {@link #flush()} ({@link #queue}: several frames, one write); the selector thread flushes the rest when the socket
 * becomes writable. Never blocks the sender.
 */
final class NioStream {

    final SocketChannel channel;
    final String peer;
    private final SelectionKey key;
    private final ByteBuffer out;
    private boolean writeInterest;
    private volatile boolean dead;
    private volatile long droppedBytes;

    NioStream(SocketChannel channel, SelectionKey key, int capacity, String peer) {
        this.channel = channel;
        this.key = key;
        this.out = ByteBuffer.allocateDirect(capacity);
        this.peer = peer;
    }

    boolean dead() {
        return dead;
    }

    long droppedBytes() {
        return droppedBytes;
    }

    /**
     * Queues ({@link #queue}) and writes what the socket takes.
     *
     * @return false if the connection is dead or the queue is full (message dropped whole)
     */
    synchronized boolean send(byte[] data, int offset, int length) {
        if (!queue(data, offset, length)) {
            return false;
        }
        flushLocked();
        return !dead;
    }

    /**
     * Queues without writing; the next {@link #flush()} or {@link #send} writes it. When the queue lacks room, first
     * writes what the socket takes.
     *
     * @return false if the connection is dead or the queue is still full (message dropped whole, counted)
     */
    synchronized boolean queue(byte[] data, int offset, int length) {
        if (dead) {
            return false;
        }
        if (out.remaining() < length) {
            flushLocked();
            if (dead) {
                return false;
            }
            if (out.remaining() < length) {
                droppedBytes += length;
                return false;
            }
        }
        out.put(data, offset, length);
        return true;
    }

    /** Writes what the socket takes of the queue: called by the selector thread when writable, and by flushes. */
    synchronized void flush() {
        flushLocked();
    }

    private void flushLocked() {
        if (dead) {
            return;
        }
        out.flip();
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            markDead();
            out.clear();
            return;
        } finally {
            if (!dead) {
                out.compact();
            }
        }
        boolean pending = out.position() > 0;
        if (pending != writeInterest) {
            writeInterest = pending;
            try {
                key.interestOps(pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                if (pending) {
                    key.selector().wakeup();
                }
            } catch (CancelledKeyException e) {
                markDead();
            }
        }
    }

    void markDead() {
        if (!dead) {
            dead = true;
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
            key.selector().wakeup();
        }
    }
}
