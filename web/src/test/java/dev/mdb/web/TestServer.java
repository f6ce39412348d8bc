package dev.mdb.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty on a free loopback port: {@code filters} (outermost first), then a {@link ProbeServlet}. */
final class TestServer implements AutoCloseable {
    private final Server server;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    TestServer(ProbeServlet servlet, List<Filter> filters) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        for (Filter filter : filters) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** Sends {@code method path} with {@code headers} (name, value, name, value, ...). */
    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
        return send("POST", path, headers);
    }

    /** The {@code name=value} part of the response's {@code Set-Cookie} for {@code name}, or null. */
    static String cookie(HttpResponse<?> response, String name) {
        String header = setCookie(response, name);
        return header == null
                ? null
                : header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
    }

    /** The whole {@code Set-Cookie} header for {@code name}, or null. */
    static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst()
                .orElse(null);
    }

    /** The {@code Max-Age} of a {@code Set-Cookie} header value, or -1 when it has none. */
    static long maxAge(String setCookie) {
        for (String attribute : setCookie.split(";", -1)) {
            String trimmed = attribute.trim();
            if (trimmed.startsWith("Max-Age=")) {
                return Long.parseLong(trimmed.substring("Max-Age=".length()));
            }
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("couldn't stop the test server", e);
        }
    }
}
