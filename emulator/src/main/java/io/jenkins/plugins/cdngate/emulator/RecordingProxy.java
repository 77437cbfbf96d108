package io.jenkins.plugins.cdngate.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny loopback HTTP proxy for tests that records what it forwarded and never leaves loopback: every target host is
 * routed to a loopback address given by {@link #route}; an unrouted target is refused (502). It speaks {@code CONNECT}
 * (a TLS tunnel it cannot see into) and plain requests in absolute form ({@code GET http://host/path}), forwarded as
 * they came. With {@link #requireAuth} it answers 407 unless the request carries that Proxy-Authorization.
 */
public final class RecordingProxy implements AutoCloseable {
    /** One forwarded (or refused) request: {@code method} CONNECT/GET/..., {@code target} host:port, and its Proxy-Authorization. */
    public record Forwarded(String method, String target, String proxyAuthorization, int status) { }

    private final ServerSocket server;
    private final Map<String, InetSocketAddress> routes = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Forwarded> log = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile String requiredAuthorization;

    private RecordingProxy(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::accept, "recording-proxy");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static RecordingProxy start() {
        try {
            return new RecordingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends requests for {@code host} (any port) to this loopback {@code host:port}. */
    public RecordingProxy route(String host, String loopbackHostPort) {
        int colon = loopbackHostPort.lastIndexOf(':');
        routes.put(host.toLowerCase(Locale.ROOT), new InetSocketAddress(loopbackHostPort.substring(0, colon),
                Integer.parseInt(loopbackHostPort.substring(colon + 1))));
        return this;
    }

    /** Answers 407 unless Proxy-Authorization is exactly {@code Basic base64(user:password)}. */
    public RecordingProxy requireAuth(String user, String password) {
        this.requiredAuthorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Forwarded> forwarded() {
        return new ArrayList<>(log);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "recording-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0];
            String auth = null;
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authorization")) {
                    auth = line.substring(colon + 1).trim();
                }
            }
            String host;
            int port;
            if ("CONNECT".equals(method)) {
                String target = requestLine[1];
                host = target.substring(0, target.lastIndexOf(':'));
                port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            } else {
                URI uri = URI.create(requestLine[1]);
                host = uri.getHost();
                port = uri.getPort() < 0 ? 80 : uri.getPort();
            }
            String target = host + ":" + port;
            if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
                log.add(new Forwarded(method, target, auth, 407));
                reply(client, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            InetSocketAddress to = host == null ? null : routes.get(host.toLowerCase(Locale.ROOT));
            if (to == null) {
                log.add(new Forwarded(method, target, auth, 502));
                reply(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            log.add(new Forwarded(method, target, auth, 200));
            try (Socket upstream = new Socket(to.getAddress(), to.getPort())) {
                if ("CONNECT".equals(method)) {
                    reply(client, "HTTP/1.1 200 Connection established\r\n\r\n");
                } else {
                    upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                }
                Thread up = new Thread(() -> pipe(in, upstream), "recording-proxy-up");
                up.setDaemon(true);
                up.start();
                pipe(upstream.getInputStream(), client);
            }
        } catch (IOException | RuntimeException e) {
            // the client or upstream went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (b.size() < 65536) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void reply(Socket client, String text) throws IOException {
        client.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = from.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed
        }
    }
}
