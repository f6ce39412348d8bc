package dev.mdb.web.internal;

import dev.mdb.web.ResponseView;
import jakarta.servlet.http.HttpServletResponse;

/** A servlet response seen as a {@link ResponseView}. */
public final class ServletResponseView implements ResponseView {
    private final HttpServletResponse response;

    public ServletResponseView(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void addHeader(String name, String value) {
        response.addHeader(name, value);
    }

    @Override
    public void setHeader(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public boolean isCommitted() {
        return response.isCommitted();
    }
}
