package io.jenkins.plugins.cdngate.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ECS instance metadata service, as far as RAM roles go (what the real one serves at 100.100.100.200):
 * <ul>
 *   <li>{@code PUT /latest/api/token} with {@code X-aliyun-ecs-metadata-token-ttl-seconds} (1 to 21600): a session
 *       token for the hardened mode (IMDSv2);</li>
 *   <li>{@code GET /latest/meta-data/ram/security-credentials/}: the instance's RAM role name;</li>
 *   <li>{@code GET /latest/meta-data/ram/security-credentials/<role>}: temporary credentials of that role
 *       ({@code Code}, {@code AccessKeyId}, {@code AccessKeySecret}, {@code SecurityToken}, {@code Expiration},
 *       {@code LastUpdated}), which the emulator's CDN operations accept until they expire.</li>
 * </ul>
 * In hardened mode every GET needs {@code X-aliyun-ecs-metadata-token} with a live token (else 401). Requests in
 * absolute form ({@code GET http://100.100.100.200/latest/... HTTP/1.1}, as an HTTP client sends them to a proxy) are
 * served too, so a JVM whose {@code http.proxyHost}/{@code http.proxyPort} name this service reaches it for the fixed
 * address 100.100.100.200 without leaving loopback.
 */
public final class MetadataService implements AutoCloseable {
    static final String TOKEN_PATH = "/latest/api/token";
    static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";

    private final CdnEmulator emulator;
    private final HttpServer server;
    private final ConcurrentHashMap<String, Long> tokens = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<String> log = new CopyOnWriteArrayList<>();
    private volatile Role role;
    private volatile boolean hardened;
    private volatile long lifetimeSeconds = 3600;

    private MetadataService(CdnEmulator emulator, HttpServer server) {
        this.emulator = emulator;
        this.server = server;
    }

    static MetadataService start(CdnEmulator emulator, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
            MetadataService m = new MetadataService(emulator, server);
            server.createContext("/", m::handle);
            server.start();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the metadata service on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The instance's RAM role (null: the instance has none, and the role listing answers 404). */
    public MetadataService instanceRole(Role value) {
        this.role = value;
        return this;
    }

    /** Hardened mode: every metadata GET needs a session token from {@code PUT /latest/api/token}. */
    public MetadataService hardened(boolean value) {
        this.hardened = value;
        return this;
    }

    /** How long the credentials it hands out live (default 3600 s). */
    public MetadataService credentialLifetime(long seconds) {
        this.lifetimeSeconds = seconds;
        return this;
    }

    /** {@code host:port}. */
    public String address() {
        InetSocketAddress a = server.getAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What it was asked, oldest first: {@code "PUT /latest/api/token"}, {@code "GET /latest/... token"} (token: one was sent). */
    public List<String> requests() {
        return new ArrayList<>(log);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String token = ex.getRequestHeaders().getFirst("X-aliyun-ecs-metadata-token");
        log.add(method + " " + path + (token == null ? "" : " token"));
        if ("PUT".equals(method) && TOKEN_PATH.equals(path)) {
            String ttl = ex.getRequestHeaders().getFirst("X-aliyun-ecs-metadata-token-ttl-seconds");
            long seconds;
            try {
                seconds = ttl == null ? -1 : Long.parseLong(ttl.trim());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > 21600) {
                send(ex, 400, "text/plain", "X-aliyun-ecs-metadata-token-ttl-seconds must be 1 to 21600");
                return;
            }
            String value = "AQAE" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
            tokens.put(value, emulator.options().clock().millis() + seconds * 1000);
            send(ex, 200, "text/plain", value);
            return;
        }
        if (!"GET".equals(method) || !path.startsWith(CREDENTIALS_PATH)) {
            send(ex, 404, "text/plain", "Not Found");
            return;
        }
        if (hardened) {
            Long until = token == null ? null : tokens.get(token);
            if (until == null || until <= emulator.options().clock().millis()) {
                send(ex, 401, "text/plain", "Unauthorized");
                return;
            }
        }
        Role r = role;
        String asked = path.substring(CREDENTIALS_PATH.length());
        if (r == null) {
            send(ex, 404, "text/plain", "Not Found");
            return;
        }
        if (asked.isEmpty()) {
            send(ex, 200, "text/plain", r.name());
            return;
        }
        if (!asked.equals(r.name())) {
            send(ex, 404, "text/plain", "Not Found");
            return;
        }
        TemporaryCredential t = emulator.issue(r, "ecs-instance", lifetimeSeconds);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AccessKeyId", t.accessKeyId());
        body.put("AccessKeySecret", t.accessKeySecret());
        body.put("Expiration", t.expiresAt().toString());
        body.put("SecurityToken", t.securityToken());
        body.put("LastUpdated", emulator.now());
        body.put("Code", "Success");
        send(ex, 200, "text/plain", emulator.gson.toJson(body));
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } finally {
            ex.close();
        }
    }
}
