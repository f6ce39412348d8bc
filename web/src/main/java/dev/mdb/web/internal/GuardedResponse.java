package dev.mdb.web.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A response that runs an action once, before it can commit: on {@code flushBuffer}, {@code sendError}, {@code
 * sendRedirect}, a flush or close of its writer or stream, a body over the buffer limit, or {@link #finish()} at the
 * end of the request. Until then the body is buffered here (up to the limit), so the container cannot commit the
 * status and headers behind the action's back; afterwards writes pass straight through.
 */
public final class GuardedResponse extends HttpServletResponseWrapper {
    private static final Pattern CHARSET_PARAMETER = Pattern.compile("(?i);\\s*charset=[^;]*");

    private final Runnable action;
    private final AtomicBoolean acted = new AtomicBoolean();
    private final GuardedOutputStream stream;
    private OutputStreamWriter encoder;
    private PrintWriter writer;
    private boolean streamUsed;

    /** {@code action} runs at most once, before the response commits; {@code bufferLimit} bytes are held at most. */
    public GuardedResponse(HttpServletResponse response, Runnable action, int bufferLimit) {
        super(response);
        this.action = action;
        this.stream = new GuardedOutputStream(this, bufferLimit);
    }

    /** Runs the action unless it ran already. */
    public void beforeCommit() {
        if (acted.compareAndSet(false, true)) {
            action.run();
        }
    }

    /** The end of a request that completed: runs the action, then hands the buffered body to the container. */
    public void finish() throws IOException {
        beforeCommit();
        if (encoder != null) {
            stream.quietly(encoder::flush);
        }
        stream.drain();
    }

    /**
     * The end of a request that threw: runs the action and drops the buffered body, so the container's error page
     * replaces it (cookies set by the action survive; the Servlet spec keeps them on error pages).
     */
    public void abandon() {
        beforeCommit();
        stream.drop();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        streamUsed = true;
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (streamUsed) {
                throw new IllegalStateException("getOutputStream() was already called on this response");
            }
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException(encoding);
            }
            super.setCharacterEncoding(encoding); // as the container does for getWriter(): the charset is fixed now
            encoder = new OutputStreamWriter(stream, charset);
            writer = new PrintWriter(encoder, false);
        }
        return writer;
    }

    /** Ignored once the writer exists, as the container does: its charset is fixed. */
    @Override
    public void setCharacterEncoding(String charset) {
        if (writer == null) {
            super.setCharacterEncoding(charset);
        }
    }

    /** Once the writer exists, the type changes but not the charset, as with the container's own writer. */
    @Override
    public void setContentType(String type) {
        super.setContentType(
                writer == null || type == null
                        ? type
                        : CHARSET_PARAMETER.matcher(type).replaceAll(""));
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        if (encoder != null) {
            stream.quietly(encoder::flush);
        }
        stream.drain();
        super.flushBuffer();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeCommit();
        stream.drop();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeCommit();
        stream.drop();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        stream.drop();
        super.sendRedirect(location);
    }

    @Override
    public void resetBuffer() {
        discardBuffered();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        discardBuffered();
        super.reset();
        writer = null;
        encoder = null;
        streamUsed = false;
    }

    @Override
    public void setBufferSize(int size) {
        if (stream.hasBufferedBytes()) {
            throw new IllegalStateException("setBufferSize() after content was written");
        }
        super.setBufferSize(size);
    }

    private void discardBuffered() {
        if (encoder != null && stream.buffering()) {
            try {
                stream.quietly(encoder::flush);
            } catch (IOException e) {
                // only moves chars into the buffer discarded below
            }
        }
        stream.discard();
    }
}
