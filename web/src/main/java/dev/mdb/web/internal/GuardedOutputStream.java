package dev.mdb.web.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The body of a {@link GuardedResponse}: buffered until the response's before-commit action has run (a flush, a
 * close, more than the buffer limit, or the end of the request), then written through to the container.
 */
final class GuardedOutputStream extends ServletOutputStream {
    private final GuardedResponse response;
    private final int limit;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private ServletOutputStream target;
    private boolean dropped;
    private boolean quiet;

    GuardedOutputStream(GuardedResponse response, int limit) {
        this.response = response;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (dropped) {
            return;
        }
        if (target != null) {
            target.write(b);
            return;
        }
        buffer.write(b);
        overflow();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (dropped) {
            return;
        }
        if (target != null) {
            target.write(b, off, len);
            return;
        }
        buffer.write(b, off, len);
        overflow();
    }

    private void overflow() throws IOException {
        if (buffer.size() > limit) {
            response.beforeCommit();
            drain();
        }
    }

    @Override
    public void flush() throws IOException {
        if (quiet || dropped) {
            return;
        }
        response.beforeCommit();
        drain();
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (dropped) {
            return;
        }
        response.beforeCommit();
        drain();
        target.close();
    }

    @Override
    public boolean isReady() {
        return target == null || target.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        response.beforeCommit();
        try {
            drain();
        } catch (IOException e) {
            listener.onError(e);
            return;
        }
        target.setWriteListener(listener);
    }

    /** Writes the buffered bytes to the container's stream and passes later writes straight through. */
    void drain() throws IOException {
        if (target == null && !dropped) {
            target = response.getResponse().getOutputStream();
            buffer.writeTo(target);
            buffer = null;
        }
    }

    /** Forgets the buffered bytes (resetBuffer); no effect once written through. */
    void discard() {
        if (target == null && buffer != null) {
            buffer.reset();
        }
    }

    /** Ignores every later write: the container answers instead (sendError, sendRedirect). */
    void drop() {
        discard();
        dropped = true;
    }

    boolean buffering() {
        return target == null && !dropped;
    }

    boolean hasBufferedBytes() {
        return buffering() && buffer.size() > 0;
    }

    /** Runs {@code action} (a writer flush) without the flush reaching this stream. */
    void quietly(IOAction action) throws IOException {
        quiet = true;
        try {
            action.run();
        } finally {
            quiet = false;
        }
    }

    /** A flush that may throw. */
    @FunctionalInterface
    interface IOAction {
        void run() throws IOException;
    }
}
