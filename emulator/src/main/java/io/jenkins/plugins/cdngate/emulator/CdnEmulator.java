package io.jenkins.plugins.cdngate.emulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * A local, signature-verifying, stateful, fault-injecting emulator of the three Alibaba Cloud CDN
 * operations (API 2018-05-10) used by CDN Gate: OpenCdnService, DescribeCdnService and
 * DescribeCdnUserResourcePackage. RPC style on path {@code /}, GET or POST, parameters in the query
 * and/or an urlencoded form body. See docs/emulator.md.
 *
 * <pre>{@code
 * try (CdnEmulator emu = CdnEmulator.start()) {
 *     emu.addAccount(Account.create("LTAI-test-0001", "test-secret-0001").activated(true));
 *     request.setSysDomain(emu.endpoint());            // "127.0.0.1:PORT"
 *     request.setSysProtocol(ProtocolType.HTTP);
 * }
 * }</pre>
 */
public final class CdnEmulator implements AutoCloseable {
    /** The only API version served. */
    public static final String VERSION = "2018-05-10";
    public static final String OPEN_CDN_SERVICE = "OpenCdnService";
    public static final String DESCRIBE_CDN_SERVICE = "DescribeCdnService";
    public static final String DESCRIBE_CDN_USER_RESOURCE_PACKAGE = "DescribeCdnUserResourcePackage";
    /** The actions served, in a stable order. */
    public static final List<String> ACTIONS = List.of(OPEN_CDN_SERVICE, DESCRIBE_CDN_SERVICE,
            DESCRIBE_CDN_USER_RESOURCE_PACKAGE);
    /** The STS API version served (AssumeRole, AssumeRoleWithOIDC). */
    public static final String STS_VERSION = "2015-04-01";
    public static final String ASSUME_ROLE = "AssumeRole";
    public static final String ASSUME_ROLE_WITH_OIDC = "AssumeRoleWithOIDC";
    /** Fault target matching every action. */
    public static final String ANY_ACTION = "*";

    static final String HOST_ID = "cdn.aliyuncs.com";
    static final String JSON = "application/json;charset=utf-8";
    private static final List<String> REQUIRED_COMMON = List.of("Action", "Version", "AccessKeyId",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature");
    /**
     * Parameters DescribeCdnService accepts (anything else is UnsupportedParameter, as its page documents):
     * the common ones, RegionId (the Java SDK adds it), OwnerId/SecurityToken (the CDN model's setters), and
     * the optional common parameters other official SDKs send (SignatureType, owner/resource-owner fields).
     */
    private static final Set<String> DESCRIBE_SERVICE_KNOWN = Set.of("Action", "Version", "Format", "AccessKeyId",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature", "SignatureType",
            "RegionId", "OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount", "SecurityToken");
    private static final Set<String> PLAN_STATUSES = Set.of("valid", "closed", "exhaust");

    static {
        // com.sun.net.httpserver writes the response headers and the body as separate TCP segments; with
        // Nagle's algorithm on, a keep-alive client's delayed ACK stalls every answer by ~40 ms. The JDK
        // reads this property once, when its ServerConfig class loads (first HttpServer in the JVM).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final EmulatorOptions options;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ActiveFault> faults = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<RecordedRequest> log = new ConcurrentLinkedDeque<>();
    private final AtomicInteger logSize = new AtomicInteger();
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<HttpExchange> unanswered = ConcurrentHashMap.newKeySet();
    private final NonceCache nonces;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final boolean loopback;
    private final AdminApi admin;
    private final ConcurrentHashMap<String, Role> roles = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TemporaryCredential> issued = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<com.sun.net.httpserver.HttpsServer> tlsServers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<MetadataService> metadataServices = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private CdnEmulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.nonces = new NonceCache(options.nonceTtl().toMillis(), options.nonceCacheSize());
        InetAddress bind = InetAddress.getByName(options.bindAddress());
        this.loopback = bind.isLoopbackAddress();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "cdn-emulator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cdn-emulator-timer");
            t.setDaemon(true);
            return t;
        });
        stpe.setRemoveOnCancelPolicy(true);
        this.timer = stpe;
        this.admin = new AdminApi(this);
        this.server = HttpServer.create(new InetSocketAddress(bind, options.port()), 1024);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(workers);
        this.server.start();
    }

    /** Starts on 127.0.0.1, a free port, rate limits on. */
    public static CdnEmulator start() {
        return start(EmulatorOptions.defaults());
    }

    /** Starts with these options (copied; later changes to {@code options} have no effect). */
    public static CdnEmulator start(EmulatorOptions options) {
        try {
            return new CdnEmulator(options.copy());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the CDN emulator on " + options.bindAddress() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ public API

    /** {@code host:port} without a scheme: what {@code CommonRequest.setSysDomain} takes. */
    public String endpoint() {
        InetAddress address = server.getAddress().getAddress();
        // Bound to every interface: loopback is the address that surely reaches it from here.
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return host + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorOptions options() {
        return options.copy();
    }

    /** Adds (or replaces) an account; returns the live account. */
    public Account addAccount(Account account) {
        accounts.put(account.accessKeyId(), account);
        return account;
    }

    /** The live account for this AccessKey ID, or {@code null}. */
    public Account account(String accessKeyId) {
        return accounts.get(accessKeyId);
    }

    /** Removes an account; its keys then answer InvalidAccessKeyId.NotFound. */
    public Account removeAccount(String accessKeyId) {
        return accounts.remove(accessKeyId);
    }

    /** Every account, in no particular order. */
    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Injects a fault for an action ({@code "*"} for all). Faults are tried in injection order. */
    public CdnEmulator inject(String action, Fault fault) {
        if (!ANY_ACTION.equals(action) && !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Unknown action '" + action + "'; use one of " + ACTIONS + " or *");
        }
        faults.add(new ActiveFault(action, fault));
        return this;
    }

    /** Removes every injected fault. */
    public CdnEmulator clearFaults() {
        faults.clear();
        return this;
    }

    /** The injected faults still active, as {@code action -> fault} descriptions. */
    public List<String> faults() {
        List<String> out = new ArrayList<>();
        for (ActiveFault f : faults) {
            if (!f.exhausted()) {
                out.add(f.action + " " + f.fault);
            }
        }
        return out;
    }

    /** Requests received, oldest first (at most {@link EmulatorOptions#requestLogSize()}). */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(log);
    }

    /** How many requests with this Action were received (rejected ones included) since the last clear. */
    public long requestCount(String action) {
        LongAdder a = counts.get(action == null ? "" : action);
        return a == null ? 0 : a.sum();
    }

    /** How many API requests were received since the last clear. */
    public long requestCount() {
        long sum = 0;
        for (LongAdder a : counts.values()) {
            sum += a.sum();
        }
        return sum;
    }

    /** Empties the request log and counts. */
    public void clearRequests() {
        log.clear();
        logSize.set(0);
        counts.clear();
    }

    /** Forgets the rate-limit windows (all calls so far stop counting). */
    public void resetRateLimits() {
        rateLimiter.reset();
    }

    /** Stops serving; drops connections held by {@code noAnswer}. Idempotent, never blocks on pending requests. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (HttpExchange ex : unanswered) {
            if (unanswered.remove(ex)) {
                ex.close();
            }
        }
        timer.shutdownNow();
        server.stop(0);
        tlsServers.forEach(t -> t.stop(0));
        metadataServices.forEach(MetadataService::close);
        workers.shutdownNow();
    }

    boolean isLoopback() {
        return loopback;
    }

    // ------------------------------------------------------------------ STS, temporary credentials, TLS

    /** Adds (or replaces) a RAM role owned by {@code owner}: what its temporary credentials act on. */
    public Role addRole(Account owner, Role role) {
        role.owner(java.util.Objects.requireNonNull(owner, "owner"));
        roles.put(role.arn(), role);
        return role;
    }

    /** The role with this ARN, or null. */
    public Role role(String arn) {
        return arn == null ? null : roles.get(arn);
    }

    /** Issues temporary credentials for the role, valid for {@code seconds} from the emulator clock's now. */
    public TemporaryCredential issue(Role role, String sessionName, long seconds) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String id = "STS.NT" + randomText(r, 26);
        TemporaryCredential t = new TemporaryCredential(id, randomText(r, 40), "CAIS" + randomText(r, 120),
                options.clock().instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds), role, role.arn(),
                sessionName);
        issued.put(id, t);
        return t;
    }

    /** Every temporary credential issued so far (expired ones included). */
    public List<TemporaryCredential> issuedCredentials() {
        return List.copyOf(issued.values());
    }

    /** Makes every temporary credential issued so far expired (the CDN operations then answer InvalidSecurityToken.Expired). */
    public void expireTemporaryCredentials() {
        Instant past = options.clock().instant().minusSeconds(1);
        issued.replaceAll((id, t) -> new TemporaryCredential(t.accessKeyId(), t.accessKeySecret(), t.securityToken(),
                past, t.role(), t.roleArn(), t.sessionName()));
    }

    private static String randomText(ThreadLocalRandom r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /**
     * Also serves every operation (CDN and STS) over HTTPS on another port of the same address, with the certificate
     * in this PKCS12 key store; returns the port. Alibaba's credentials library always calls STS over HTTPS.
     */
    public int startTls(java.nio.file.Path keyStore, char[] password) {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
                ks.load(in, password);
            }
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                    new InetSocketAddress(server.getAddress().getAddress(), 0), 256);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            https.createContext("/", this::handle);
            https.setExecutor(workers);
            https.start();
            tlsServers.add(https);
            return https.getAddress().getPort();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot serve HTTPS with " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts an ECS instance metadata service on {@code host:port} (port 0 = a free one) that hands out temporary
     * credentials of this emulator. See {@link MetadataService}.
     */
    public MetadataService startMetadata(String host, int port) {
        MetadataService m = MetadataService.start(this, host, port);
        metadataServices.add(m);
        return m;
    }

    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_-]{2,64}");

    /** STS: AssumeRole (signed, like the CDN operations) and AssumeRoleWithOIDC (anonymous, the OIDC token proves who). */
    private void sts(Call c) {
        Map<String, String> p = c.params;
        boolean oidc = ASSUME_ROLE_WITH_OIDC.equals(c.action);
        if (!oidc && !authenticate(c, STS_VERSION, List.of(ASSUME_ROLE))) {
            return;
        }
        if (!oidc) {
            String denied = c.account.deniedCode(ASSUME_ROLE);
            if (denied != null) {
                error(c, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.", null);
                return;
            }
        }
        for (String name : oidc ? List.of("RoleArn", "OIDCProviderArn", "OIDCToken") : List.of("RoleArn", "RoleSessionName")) {
            String v = p.get(name);
            if (v == null || v.isEmpty()) {
                missing(c, name);
                return;
            }
        }
        String arn = p.get("RoleArn");
        if (!Role.ARN.matcher(arn).matches()) {
            error(c, "InvalidParameter.RoleArn", null, null);
            return;
        }
        String session = p.getOrDefault("RoleSessionName", "");
        if (!SESSION_NAME.matcher(session).matches()) {
            error(c, "InvalidParameter.RoleSessionName", null, null);
            return;
        }
        Role role = roles.get(arn);
        if (role == null || role.owner() == null) {
            error(c, "EntityNotExist.Role", null, null);
            return;
        }
        if (session.length() > role.sessionNameMaxLength()) {
            error(c, "InvalidParameter.RoleSessionName", null, null);
            return;
        }
        long duration;
        try {
            duration = Long.parseLong(p.getOrDefault("DurationSeconds", "3600"));
        } catch (NumberFormatException e) {
            error(c, "InvalidParameter.DurationSeconds", null, null);
            return;
        }
        if (duration < 900 || duration > role.maxSessionSeconds()) {
            error(c, "InvalidParameter.DurationSeconds", "The Min/Max value of DurationSeconds is 15min/"
                    + role.maxSessionSeconds() / 3600 + "hr.", null);
            return;
        }
        if (oidc) {
            if (!p.get("OIDCProviderArn").equals(role.oidcProviderArn())) {
                error(c, "AuthenticationFail.NoPermission", null, null);
                return;
            }
            if (role.oidcToken() == null || !RpcSignature.matches(role.oidcToken(), p.get("OIDCToken"))) {
                error(c, "AuthenticationFail.OIDCToken.Invalid", null, null);
                return;
            }
            if (role.isOidcTokenExpired()) {
                error(c, "AuthenticationFail.OIDCToken.Expired", null, null);
                return;
            }
        } else {
            String principal = c.temp != null ? c.temp.roleArn() : c.accessKeyId;
            if (!role.trusts(principal)) {
                error(c, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.", null);
                return;
            }
            String wanted = role.externalId();
            if (wanted != null && !wanted.equals(p.get("ExternalId"))) {
                error(c, "NoPermission", "No permission perform sts:AssumeRole on this Role. Maybe you should check"
                        + " the ExternalId of the trust policy.", null);
                return;
            }
        }
        TemporaryCredential t = issue(role, session, duration);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", c.requestId);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("AssumedRoleId", "3" + Integer.toUnsignedString(arn.hashCode()) + ":" + session);
        user.put("Arn", arn + "/" + session);
        body.put("AssumedRoleUser", user);
        Map<String, Object> creds = new LinkedHashMap<>();
        creds.put("SecurityToken", t.securityToken());
        creds.put("AccessKeyId", t.accessKeyId());
        creds.put("AccessKeySecret", t.accessKeySecret());
        creds.put("Expiration", t.expiresAt().toString());
        body.put("Credentials", creds);
        if (oidc) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("Issuer", "https://oidc-ack.example.invalid");
            info.put("Subject", "system:serviceaccount:ci:jenkins");
            body.put("OIDCTokenInfo", info);
        }
        ok(c, body, null);
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (path != null && path.startsWith(AdminApi.PREFIX)) {
                admin.handle(ex);
            } else {
                api(ex, path);
            }
        } catch (Throwable t) {
            // Never leak a stack trace to the client; answer like the real service's unknown error.
            try {
                byte[] body = gson.toJson(errorBody(newRequestId(), "InternalError",
                        ErrorCodes.get("InternalError").message())).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", JSON);
                ex.sendResponseHeaders(500, body.length);
                ex.getResponseBody().write(body);
            } catch (IOException | RuntimeException ignored) {
                // the client is gone or the answer was already started
            } finally {
                ex.close();
            }
        }
    }

    /** One API call in flight. */
    private final class Call {
        final HttpExchange ex;
        final String method;
        final long receivedNanos;
        String action;
        String accessKeyId;
        Map<String, String> params;
        Account account;
        TemporaryCredential temp;
        final String requestId = newRequestId();

        Call(HttpExchange ex, String method, long receivedNanos) {
            this.ex = ex;
            this.method = method;
            this.receivedNanos = receivedNanos;
        }
    }

    private void api(HttpExchange ex, String path) throws IOException {
        Call c = new Call(ex, ex.getRequestMethod(), System.nanoTime());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!"/".equals(path) || !("GET".equals(c.method) || "POST".equals(c.method))) {
            error(c, "InvalidAction.NotFound", null, null);
            return;
        }
        try {
            c.params = new LinkedHashMap<>();
            parseInto(ex.getRequestURI().getRawQuery(), c.params, false);
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            if (body.length > 0 && contentType != null
                    && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                // A body parameter wins over a query parameter of the same name, as in the SDK's signer
                // (RpcAcsRequest.signRequest puts the form parameters over the query ones).
                parseInto(new String(body, StandardCharsets.UTF_8), c.params, true);
            }
        } catch (IllegalArgumentException e) {
            error(c, "InvalidParameter.Encoding", null, null);
            return;
        }
        c.action = c.params.get("Action");
        c.accessKeyId = c.params.get("AccessKeyId");
        if (STS_VERSION.equals(c.params.get("Version"))
                && (ASSUME_ROLE.equals(c.action) || ASSUME_ROLE_WITH_OIDC.equals(c.action))) {
            sts(c);
            return;
        }
        if (!authenticate(c)) {
            return;
        }
        ActiveFault fault = pickFault(c.action);
        if (fault != null) {
            applyFault(c, fault.fault);
            return;
        }
        serve(c, null);
    }

    /** Gateway checks in the order the real gateway reports them; answers and returns false on the first failure. */
    private boolean authenticate(Call c) {
        return authenticate(c, VERSION, ACTIONS);
    }

    private boolean authenticate(Call c, String version, List<String> actions) {
        Map<String, String> p = c.params;
        for (String name : REQUIRED_COMMON) {
            String v = p.get(name);
            if (v == null || v.isEmpty()) {
                missing(c, name);
                return false;
            }
        }
        if (!version.equals(p.get("Version"))) {
            error(c, "InvalidVersion", null, null);
            return false;
        }
        if (!actions.contains(c.action)) {
            error(c, "InvalidAction.NotFound", null, null);
            return false;
        }
        if (!"HMAC-SHA1".equals(p.get("SignatureMethod")) || !"1.0".equals(p.get("SignatureVersion"))) {
            error(c, "IncompleteSignature", "The request signature does not conform to Aliyun standards."
                    + " SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.", null);
            return false;
        }
        Instant stamp;
        try {
            stamp = Instant.parse(p.get("Timestamp"));
        } catch (DateTimeParseException e) {
            error(c, "InvalidTimeStamp.Format", null, null);
            return false;
        }
        long now = options.clock().millis();
        if (Math.abs(now - stamp.toEpochMilli()) > options.timestampSkew().toMillis()) {
            error(c, "InvalidTimeStamp.Expired", null, null);
            return false;
        }
        Account account = accounts.get(c.accessKeyId);
        TemporaryCredential temp = account == null ? issued.get(c.accessKeyId) : null;
        if (account == null && temp == null) {
            error(c, "InvalidAccessKeyId.NotFound", null, null);
            return false;
        }
        String stringToSign = RpcSignature.stringToSign(c.method, p);
        String expected = RpcSignature.sign(account != null ? account.accessKeySecret() : temp.accessKeySecret(),
                stringToSign);
        if (!RpcSignature.matches(expected, p.get("Signature"))) {
            // The SDK reads the text after "string to sign is:" (DefaultAcsClient.parseAcsResponse).
            error(c, "SignatureDoesNotMatch", ErrorCodes.get("SignatureDoesNotMatch").message()
                    + " server string to sign is:" + stringToSign, null);
            return false;
        }
        if (!nonces.firstUse(c.accessKeyId, p.get("SignatureNonce"), now)) {
            error(c, "SignatureNonceUsed", null, null);
            return false;
        }
        String token = p.get("SecurityToken");
        if (temp != null) {
            // temporary credentials are only valid with their own token, and only until they expire
            if (token == null || token.isEmpty()) {
                missing(c, "SecurityToken");
                return false;
            }
            if (!RpcSignature.matches(temp.securityToken(), token)) {
                error(c, "InvalidSecurityToken.MismatchWithAccessKey", null, null);
                return false;
            }
            if (!options.clock().instant().isBefore(temp.expiresAt())) {
                error(c, "InvalidSecurityToken.Expired", null, null);
                return false;
            }
            c.temp = temp;
            c.account = temp.role().owner();
            if (c.account == null) {
                error(c, "InvalidAccessKeyId.NotFound", null, null);
                return false;
            }
            return true;
        }
        if (token != null) {
            String accepted = account.securityToken();
            if (accepted == null || !RpcSignature.matches(accepted, token)) {
                error(c, "InvalidSecurityToken.MismatchWithAccessKey", null, null);
                return false;
            }
            if (account.isSecurityTokenExpired()) {
                error(c, "InvalidSecurityToken.Expired", null, null);
                return false;
            }
        }
        c.account = account;
        return true;
    }

    /** RAM, rate limits, then the operation. {@code faultName} is set when a latency fault delayed it. */
    private void serve(Call c, String faultName) {
        Account a = c.account;
        String denied = a.deniedCode(c.action);
        if (denied != null) {
            error(c, denied, null, faultName);
            return;
        }
        if (options.rateLimits()) {
            int limit = OPEN_CDN_SERVICE.equals(c.action) ? options.openPerSecond() : options.describePerSecond();
            if (!rateLimiter.tryAcquire(a.accessKeyId(), c.action, limit, options.clock().millis())) {
                error(c, "Throttling.User", null, faultName);
                return;
            }
        }
        switch (c.action) {
            case OPEN_CDN_SERVICE -> open(c, faultName);
            case DESCRIBE_CDN_SERVICE -> describeService(c, faultName);
            default -> describePlans(c, faultName);
        }
    }

    private void open(Call c, String faultName) {
        String chargeType = c.params.get("InternetChargeType");
        if (chargeType == null || chargeType.isEmpty()) {
            missing(c, "InternetChargeType");
            return;
        }
        // The current OpenCdnService page accepts only PayByTraffic.
        if (!"PayByTraffic".equals(chargeType)) {
            error(c, "InvalidInternetChargeType.ValueNotSupported", null, faultName);
            return;
        }
        Account a = c.account;
        String failure;
        synchronized (a) {
            if (a.isActivated()) {
                failure = "CdnService.HasOpened";
            } else if (a.openError() != null) {
                failure = a.openError();
            } else {
                failure = null;
                a.activated(true).chargeType(chargeType);
                if (a.openingTime() == null) {
                    a.openingTime(now());
                }
                if (a.instanceId() == null) {
                    a.instanceId(defaultInstanceId(a));
                }
            }
        }
        if (failure != null) {
            error(c, failure, null, faultName);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", c.requestId);
        ok(c, body, faultName);
    }

    private void describeService(Call c, String faultName) {
        // The DescribeCdnService page lists 400 InternetChargeTypeInvalid without saying when; answering it for
        // an InternetChargeType value that is no metering method at all lets clients exercise the code.
        String chargeType = c.params.get("InternetChargeType");
        if (chargeType != null && !"PayByTraffic".equals(chargeType) && !"PayByBandwidth".equals(chargeType)) {
            error(c, "InternetChargeTypeInvalid", null, faultName);
            return;
        }
        for (String name : c.params.keySet()) {
            if (!DESCRIBE_SERVICE_KNOWN.contains(name)) {
                error(c, "UnsupportedParameter", "There is unsupported parameters: " + name, faultName);
                return;
            }
        }
        if (c.account.describeDenied() != null) {
            error(c, "OperationDenied", c.account.describeDenied(), faultName);
            return;
        }
        if (!c.account.isActivated()) {
            error(c, c.account.notActivatedCode(), null, faultName);
            return;
        }
        ok(c, serviceBody(c.account, c.requestId), faultName);
    }

    private void describePlans(Call c, String faultName) {
        String status = c.params.getOrDefault("Status", "valid");
        if (!PLAN_STATUSES.contains(status)) {
            error(c, "InvalidParameter", null, faultName);
            return;
        }
        if (c.account.describeDenied() != null) {
            error(c, "OperationDenied", c.account.describeDenied(), faultName);
            return;
        }
        if (!c.account.isActivated()) {
            error(c, c.account.notActivatedCode(), null, faultName);
            return;
        }
        ok(c, plansBody(c.account, status, c.requestId), faultName);
    }

    private Map<String, Object> serviceBody(Account a, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (a) {
            if (a.isActivated() && a.openingTime() == null) {
                a.openingTime(now());
            }
            body.put("RequestId", requestId);
            body.put("InstanceId", a.instanceId() != null ? a.instanceId() : defaultInstanceId(a));
            body.put("OpeningTime", a.openingTime());
            body.put("InternetChargeType", a.chargeType());
            if (a.changingChargeType() != null) {
                body.put("ChangingChargeType", a.changingChargeType());
            }
            if (a.changingAffectTime() != null) {
                body.put("ChangingAffectTime", a.changingAffectTime());
            }
            // Arrays of objects come wrapped: OperationLocks.LockReason[] (the SDK's JsonReader reads an
            // unwrapped array as zero locks — reference §2.5).
            List<Map<String, String>> locks = new ArrayList<>();
            for (String reason : a.locks()) {
                locks.add(Map.of("LockReason", reason));
            }
            body.put("OperationLocks", Map.of("LockReason", locks));
        }
        return body;
    }

    private Map<String, Object> plansBody(Account a, String status, String requestId) {
        List<Map<String, Object>> infos = new ArrayList<>();
        for (Plan p : a.plans()) {
            if (status.equals(p.status())) {
                Map<String, Object> info = new LinkedHashMap<>();
                putIfNotNull(info, "InstanceId", p.instanceId());
                putIfNotNull(info, "CommodityCode", p.commodityCode());
                putIfNotNull(info, "DisplayName", p.displayName());
                putIfNotNull(info, "TemplateName", p.templateName());
                putIfNotNull(info, "Status", p.status());
                putIfNotNull(info, "StartTime", p.startTime());
                putIfNotNull(info, "EndTime", p.endTime());
                putIfNotNull(info, "CurrCapacity", p.currCapacity());
                putIfNotNull(info, "InitCapacity", p.initCapacity());
                infos.add(info);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("ResourcePackageInfos", Map.of("ResourcePackageInfo", infos));
        return body;
    }

    private static void putIfNotNull(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    // ------------------------------------------------------------------ faults

    /** An injected fault with its own remaining count and seeded random stream. */
    private static final class ActiveFault {
        final String action;
        final Fault fault;
        private final AtomicInteger remaining;
        private final Random random;

        ActiveFault(String action, Fault fault) {
            this.action = action;
            this.fault = fault;
            this.remaining = new AtomicInteger(fault.times());
            this.random = new Random(fault.seed());
        }

        boolean exhausted() {
            return fault.times() > 0 && remaining.get() <= 0;
        }

        /** Decides (deterministically for a given request order) whether it fires for this request. */
        synchronized boolean fires() {
            if (exhausted()) {
                return false;
            }
            if (fault.probability() < 1.0 && random.nextDouble() >= fault.probability()) {
                return false;
            }
            if (fault.times() > 0) {
                remaining.decrementAndGet();
            }
            return true;
        }
    }

    private ActiveFault pickFault(String action) {
        for (ActiveFault f : faults) {
            if ((ANY_ACTION.equals(f.action) || f.action.equals(action)) && f.fires()) {
                if (f.exhausted()) {
                    faults.remove(f);
                }
                return f;
            }
        }
        return null;
    }

    private void applyFault(Call c, Fault fault) {
        String name = fault.kind().wireName();
        switch (fault.kind()) {
            case LATENCY -> {
                try {
                    timer.schedule(() -> runSafely(c, () -> serve(c, name)), fault.latencyMs(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    c.ex.close();
                }
            }
            case NO_ANSWER -> {
                // Keep the exchange open without a reply: no worker thread is held, close() drops it.
                record(c, 0, null, name);
                unanswered.add(c.ex);
                try {
                    timer.schedule(() -> {
                        if (unanswered.remove(c.ex)) {
                            c.ex.close();
                        }
                    }, options.noAnswerHold().toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // closing: the loop in close() or the line below drops it
                }
                if (closed && unanswered.remove(c.ex)) {
                    c.ex.close();
                }
            }
            case CLOSE_CONNECTION -> {
                record(c, 0, null, name);
                // Closing an exchange before the response headers closes the TCP connection (no HTTP answer).
                c.ex.close();
            }
            case STATUS_500 -> error(c, "InternalError", null, name);
            case STATUS_503 -> error(c, "ServiceUnavailable", null, name);
            case THROTTLE -> error(c, "Throttling.User", null, name);
            case HTML_502 -> {
                String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n"
                        + "</body>\r\n</html>\r\n";
                send(c, 502, html.getBytes(StandardCharsets.UTF_8), "text/html", null, name, false);
            }
            case EMPTY_200 -> send(c, 200, new byte[0], JSON, null, name, true);
            case MALFORMED_JSON -> {
                String full = gson.toJson(sampleBody(c));
                send(c, 200, full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8), JSON, null,
                        name, true);
            }
            case MISSING_FIELDS -> send(c, 200, gson.toJson(missingFieldsBody(c)).getBytes(StandardCharsets.UTF_8),
                    JSON, null, name, true);
            case WRONG_TYPES -> send(c, 200, gson.toJson(wrongTypesBody(c)).getBytes(StandardCharsets.UTF_8),
                    JSON, null, name, true);
            default -> throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    /** The success body the action would have, built without side effects (for body-mangling faults). */
    private Map<String, Object> sampleBody(Call c) {
        switch (c.action) {
            case DESCRIBE_CDN_SERVICE:
                return serviceBody(c.account, c.requestId);
            case DESCRIBE_CDN_USER_RESOURCE_PACKAGE:
                return plansBody(c.account, c.params.getOrDefault("Status", "valid"), c.requestId);
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("RequestId", c.requestId);
                return body;
        }
    }

    private Map<String, Object> missingFieldsBody(Call c) {
        Map<String, Object> body = sampleBody(c);
        body.remove("RequestId");
        body.remove("OperationLocks");
        body.remove("OpeningTime");
        body.remove("ResourcePackageInfos");
        return body;
    }

    private Map<String, Object> wrongTypesBody(Call c) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (c.action) {
            case DESCRIBE_CDN_SERVICE -> {
                body.put("RequestId", c.requestId);
                body.put("InstanceId", 12345);
                body.put("OpeningTime", true);
                body.put("InternetChargeType", List.of("PayByTraffic"));
                body.put("OperationLocks", "financial");
            }
            case DESCRIBE_CDN_USER_RESOURCE_PACKAGE -> {
                body.put("RequestId", c.requestId);
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("InstanceId", "FP-wrongtypes");
                info.put("CommodityCode", Plan.DATA_TRANSFER);
                info.put("Status", "valid");
                info.put("CurrCapacity", Map.of("Value", "536870912000"));
                info.put("InitCapacity", true);
                body.put("ResourcePackageInfos", Map.of("ResourcePackageInfo", info));
            }
            default -> body.put("RequestId", Map.of("Id", c.requestId));
        }
        return body;
    }

    private void runSafely(Call c, Runnable r) {
        try {
            workers.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    c.ex.close();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            c.ex.close();
        }
    }

    // ------------------------------------------------------------------ answers

    private void missing(Call c, String name) {
        // Modern gateway style: Missing<Name> with "<Name> is mandatory for this action." (reference §1.6).
        error(c, "Missing" + name, name + " is mandatory for this action.", 400, null);
    }

    private void error(Call c, String code, String message, String faultName) {
        ErrorCodes.Entry e = ErrorCodes.get(code);
        if (e == null) {
            throw new IllegalStateException("no table entry for " + code);
        }
        error(c, code, message != null ? message : e.message(), e.status(), faultName);
    }

    private void error(Call c, String code, String message, int status, String faultName) {
        byte[] body = gson.toJson(errorBody(c.requestId, code, message)).getBytes(StandardCharsets.UTF_8);
        send(c, status, body, JSON, code, faultName, true);
    }

    static Map<String, Object> errorBody(String requestId, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", HOST_ID);
        body.put("Code", code);
        body.put("Message", message);
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + code + "&product=Cdn&requestId=" + requestId);
        return body;
    }

    private void ok(Call c, Map<String, Object> body, String faultName) {
        send(c, 200, gson.toJson(body).getBytes(StandardCharsets.UTF_8), JSON, null, faultName, true);
    }

    /** Records the request first (so a client that got its answer finds it in the log), then answers. */
    private void send(Call c, int status, byte[] body, String contentType, String code, String faultName,
                      boolean requestIdHeader) {
        record(c, status, code, faultName);
        HttpExchange ex = c.ex;
        try {
            ex.getResponseHeaders().set("Content-Type", contentType);
            if (requestIdHeader) {
                ex.getResponseHeaders().set("x-acs-request-id", c.requestId);
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException gone) {
            // the client gave up (read timeout) before the answer; nothing to do
        } finally {
            ex.close();
        }
    }

    private void record(Call c, int status, String code, String faultName) {
        RecordedRequest r = new RecordedRequest(c.action, c.accessKeyId, c.method, status, code, c.receivedNanos,
                faultName);
        log.addLast(r);
        if (logSize.incrementAndGet() > options.requestLogSize()) {
            if (log.pollFirst() != null) {
                logSize.decrementAndGet();
            }
        }
        counts.computeIfAbsent(c.action == null ? "" : c.action, k -> new LongAdder()).increment();
    }

    // ------------------------------------------------------------------ helpers

    /** Splits {@code a=b&c=d}, decoding with '+' as space (how the SDK's form body is encoded). */
    static void parseInto(String raw, Map<String, String> into, boolean override) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (override) {
                into.put(name, value);
            } else {
                into.putIfAbsent(name, value);
            }
        }
    }

    String now() {
        return options.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String defaultInstanceId(Account a) {
        return "aliuid" + Integer.toHexString(a.accessKeyId().hashCode() & 0x7fffffff);
    }

    /** A random version-4 UUID in upper case, like the gateway's RequestIds (cheaper than UUID.randomUUID). */
    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] out = new char[36];
        int pos = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out[pos++] = '-';
            }
            long word = i < 16 ? hi : lo;
            int nibble = (int) (word >>> (60 - 4 * (i % 16))) & 0xF;
            out[pos++] = "0123456789ABCDEF".charAt(nibble);
        }
        return new String(out);
    }
}
