package io.jenkins.plugins.cdngate.core;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.policy.retry.RetryPolicy;
import com.aliyuncs.profile.DefaultProfile;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only code that touches aliyun-java-sdk-core: the three CDN operations through {@link CommonRequest},
 * API version 2018-05-10, with our own bounded retries.
 *
 * <ul>
 *   <li>Static credentials only ({@link StaticCredentialsProvider}): the SDK's default provider chain probes
 *       ECS instance metadata and files in the home directory (reference 2.7).</li>
 *   <li>The domain is always set, so the SDK never resolves endpoints or calls the location service
 *       (reference 2.2); HTTPS is always set because the SDK defaults to plain HTTP.</li>
 *   <li>Connect and read timeouts are set on every request: the SDK's Apache HTTP client is a JVM-wide
 *       singleton configured by whichever client came first (reference 2.3).</li>
 *   <li>The SDK's own retries are off ({@link RetryPolicy#none()}); we retry throttling, 5xx and transport
 *       failures (catalog's retryable flag) with exponential backoff and full jitter, each attempt a fresh
 *       request with a fresh nonce, timestamp and signature, never past the deadline.</li>
 *   <li>Every attempt goes through {@link CallGovernor#shared()} (rate limits, coalescing, abortable wait).</li>
 *   <li>Bodies are read as raw text and parsed by {@link ResponseParser}, never by the typed models.</li>
 * </ul>
 */
final class CdnClient {
    static final String VERSION = "2018-05-10";

    /** Backoff base and cap; package-private so tests can keep retries fast. */
    static volatile long backoffBaseMillis = 200;
    static volatile long backoffCapMillis = 5000;

    private final AccessKey key;
    private final ConnectionSettings settings;
    private final Endpoint endpoint;
    private final DefaultAcsClient sdk;
    private final String secretHash;
    /** Set (on the worker thread) when an OpenCdnService attempt of this client reaches the wire. */
    private volatile boolean openSent;
    /** The coalescing key of this client's OpenCdnService call: a coalesced call may be sent by another gate. */
    private volatile String openKey;
    /** OpenCdnService requests on the wire, by coalescing key. */
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger>
            OPEN_ON_WIRE = new java.util.concurrent.ConcurrentHashMap<>();

    private CdnClient(AccessKey key, ConnectionSettings settings, Endpoint endpoint) {
        this.key = key;
        this.settings = settings;
        this.endpoint = endpoint;
        AlibabaCloudCredentials credentials = key.securityToken() == null
                ? new BasicCredentials(key.id(), key.secret())
                : new BasicSessionCredentials(key.id(), key.secret(), key.securityToken());
        this.sdk = new DefaultAcsClient(SdkProfiles.profile(settings), new StaticCredentialsProvider(credentials));
        this.sdk.setSysRetryPolicy(RetryPolicy.none());
        this.secretHash = sha256(key.secret() + "\u0000" + (key.securityToken() == null ? "" : key.securityToken()));
    }

    /** The profile without settings (no proxy): loopback never proxied, see {@link SdkProfiles}. */
    static DefaultProfile profile() {
        return SdkProfiles.profile(null);
    }

    static String noProxyWithLoopback(String environmentNoProxy) {
        java.util.LinkedHashSet<String> hosts = new java.util.LinkedHashSet<>();
        if (environmentNoProxy != null) {
            for (String host : environmentNoProxy.split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.trim());
                }
            }
        }
        hosts.addAll(java.util.List.of("127.0.0.1", "localhost", "::1", "[::1]"));
        return String.join(",", hosts);
    }

    /** @throws IllegalArgumentException one line, when the endpoint cannot be used */
    static CdnClient create(AccessKey key, ConnectionSettings settings) {
        Endpoint endpoint = Endpoint.parse(settings.endpoint());
        // The SDK turns off TLS certificate checks for every client in the JVM when this (misspelt) switch is
        // YES as a system property or environment variable (HttpClientConfig.isIgnoreSSLCerts, reference 2.3).
        // Refuse to send an AccessKey to a real endpoint then.
        if (endpoint.https() && !Endpoint.isLoopback(endpoint.host())
                && ("YES".equals(System.getProperty(IGNORE_SSL)) || "YES".equals(System.getenv(IGNORE_SSL)))) {
            throw new IllegalArgumentException(IGNORE_SSL + "=YES turns off TLS certificate checks in the Alibaba"
                    + " Cloud SDK: unset it before calling " + endpoint.host());
        }
        return new CdnClient(key, settings, endpoint);
    }

    static final String IGNORE_SSL = "ALIBABACLOUD_JAVA_CORE_INGNORE_SSL";

    Endpoint endpoint() {
        return endpoint;
    }

    ResponseParser.ServiceAnswer describeService(long deadlineNanos) throws CdnCallException, InterruptedException {
        return call(ErrorCatalog.DESCRIBE, Map.of(), deadlineNanos, ResponseParser::service);
    }

    /** Valid plans only ({@code Status=valid}). */
    ResponseParser.PlanAnswer describeValidPlans(long deadlineNanos) throws CdnCallException, InterruptedException {
        return call(ErrorCatalog.PACKAGES, Map.of("Status", "valid"), deadlineNanos, ResponseParser::plans);
    }

    /** @return the RequestId */
    String openService(String chargeType, long deadlineNanos) throws CdnCallException, InterruptedException {
        openKey = coalesceKey(ErrorCatalog.OPEN, Map.of("InternetChargeType", chargeType));
        return call(ErrorCatalog.OPEN, Map.of("InternetChargeType", chargeType), deadlineNanos, ResponseParser::opened);
    }

    /**
     * Whether an OpenCdnService request for this client's call was sent (by this client, or by the gate whose
     * identical call it shares) and may have reached Alibaba: its outcome is unknown to a caller that was interrupted.
     */
    boolean openMaybeSent() {
        String k = openKey;
        if (openSent) {
            return true;
        }
        java.util.concurrent.atomic.AtomicInteger n = k == null ? null : OPEN_ON_WIRE.get(k);
        return n != null && n.get() > 0;
    }

    interface BodyParser<T> {
        T parse(String body) throws ResponseParser.Malformed;
    }

    private <T> T call(String action, Map<String, String> params, long deadlineNanos, BodyParser<T> parser)
            throws CdnCallException, InterruptedException {
        // Every call may be shared: identical concurrent Describe calls, and identical concurrent activations
        // (a release train starting many pipelines on a new account), which then send one OpenCdnService
        // instead of one each; the governor never caches a write (CallGovernor.call).
        String coalesceKey = coalesceKey(action, params);
        int maxAttempts = Math.max(1, settings.maxAttempts());
        CdnCallException last = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            if (deadlineNanos - System.nanoTime() <= 0) {
                break;
            }
            attempt++;
            if (Thread.interrupted()) {
                throw new InterruptedException("the build was aborted before " + action);
            }
            try {
                return CallGovernor.shared().call(key.id(), action, coalesceKey, deadlineNanos,
                        () -> attemptOnce(action, params, deadlineNanos, parser));
            } catch (InterruptedException e) {
                throw e;
            } catch (CdnCallException e) {
                last = e.withAttempts(attempt);
            } catch (TimeoutException e) {
                // Keep the real error of an earlier attempt (e.g. Throttling.User): it says more than "out of time".
                if (last == null) {
                    last = new CdnCallException(action, ErrorCatalog.DEADLINE_EXCEEDED,
                            "no answer in the time left", null, 0, attempt);
                } else {
                    last = last.withAttempts(attempt);
                }
                break;
            } catch (ExecutionException e) {
                last = unexpected(action, e.getCause() == null ? e : e.getCause(), attempt);
            } catch (Exception e) {
                last = unexpected(action, e, attempt);
            }
            if (last.code().equals("SDK.InterruptedException")) {
                throw new InterruptedException("the SDK call was interrupted");
            }
            if (!last.retryable() || attempt >= maxAttempts) {
                throw last.budgetSpent() != null || !last.retryable() || deadlineNanos - System.nanoTime() > 0
                        ? last : last.withBudgetSpent(settings.deadline());
            }
            long sleepNanos = TimeUnit.MILLISECONDS.toNanos(backoffMillis(attempt));
            if (System.nanoTime() + sleepNanos >= deadlineNanos) {
                break; // never sleep past the deadline: report the last error now
            }
            TimeUnit.NANOSECONDS.sleep(sleepNanos); // interruptible: an aborted build stops here
        }
        // Here the gate's total time budget ran out with attempts left: say so, not only the last attempt's error.
        if (last == null) {
            last = new CdnCallException(action, ErrorCatalog.DEADLINE_EXCEEDED, "no time left", null, 0, attempt);
        }
        throw last.withBudgetSpent(settings.deadline());
    }

    private CdnCallException unexpected(String action, Throwable e, int attempt) {
        if (e instanceof CdnCallException c) {
            return c.withAttempts(attempt);
        }
        return new CdnCallException(action, ErrorCatalog.UNEXPECTED,
                Redactor.clean(e.getClass().getSimpleName() + ": " + e.getMessage(), key), null, 0, attempt);
    }

    /** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))] (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
    static long backoffMillis(int attempt) {
        long ceiling = Math.min(backoffCapMillis, backoffBaseMillis << Math.min(20, attempt - 1));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** One attempt: a fresh CommonRequest, so the SDK signs it with a fresh nonce and timestamp. */
    private <T> T attemptOnce(String action, Map<String, String> params, long deadlineNanos, BodyParser<T> parser)
            throws CdnCallException, InterruptedException {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(endpoint.domain());
        request.setSysVersion(VERSION);
        request.setSysAction(action);
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(endpoint.https() ? ProtocolType.HTTPS : ProtocolType.HTTP);
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        request.setSysConnectTimeout(timeoutMillis(settings.connectTimeout(), 5000, remainingMillis));
        request.setSysReadTimeout(timeoutMillis(settings.readTimeout(), 10000, remainingMillis));
        // The attempt's timeouts were cut to the time left of the gate's total budget: a timeout then is the budget's.
        boolean cut = request.getSysReadTimeout() < timeoutMillis(settings.readTimeout(), 10000, Long.MAX_VALUE)
                || request.getSysConnectTimeout() < timeoutMillis(settings.connectTimeout(), 5000, Long.MAX_VALUE);
        request.setSysRetryPolicy(RetryPolicy.none());
        params.forEach(request::putQueryParameter);
        HttpResponse response;
        String body;
        boolean open = ErrorCatalog.OPEN.equals(action);
        String wireKey = open ? coalesceKey(action, params) : null;
        try {
            if (open) {
                // From here the activation may reach Alibaba: an interrupt can no longer say "nothing happened".
                openSent = true;
                OPEN_ON_WIRE.computeIfAbsent(wireKey, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                Interruptions.openSent();
            }
            try {
                response = sdk.doAction(request.buildRequest());
                body = response.getHttpContentString();
            } finally {
                if (open) {
                    Interruptions.openAnswered();
                    OPEN_ON_WIRE.computeIfPresent(wireKey, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
                }
            }
        } catch (ClientException e) { // ServerException is a ClientException
            String code = e.getErrCode() == null ? ErrorCatalog.NULL_CODE : e.getErrCode();
            boolean timedOut = "SDK.ReadTimeout".equals(code)
                    || "the connection attempt timed out".equals(causeInWords(e.getCause()))
                    || TLS_HANDSHAKE_TIMED_OUT.equals(causeInWords(e.getCause()));
            CdnCallException failure = new CdnCallException(action, code,
                    Redactor.clean(transportMessage(code, e, cut && timedOut ? null : request.getSysReadTimeout()), key),
                    e.getRequestId(), 0, 1);
            throw cut && timedOut ? failure.withBudgetSpent(settings.deadline()) : failure;
        } finally {
            // The SDK's blocking socket I/O ignores interrupts and leaves the flag set (reference 2.6).
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("the build was aborted during " + action);
            }
        }
        int status = response.getStatus();
        if (!response.isSuccess()) {
            throw errorFrom(action, status, body);
        }
        try {
            return parser.parse(body);
        } catch (ResponseParser.Malformed e) {
            throw new CdnCallException(action, ErrorCatalog.MALFORMED_RESPONSE, e.getMessage(), e.requestId, status, 1);
        }
    }

    /**
     * The error body as the SDK would read it (reference 1.5, 2.5): {@code Code}, {@code Message},
     * {@code RequestId} (lower-case variants too); a body that is not JSON gives code {@code (null)}. We read it
     * ourselves instead of calling getCommonResponse so that the HTTP status is kept.
     */
    private CdnCallException errorFrom(String action, int status, String body) {
        String code = null;
        String message = null;
        String requestId = null;
        try {
            JsonElement parsed = body == null || body.isBlank() ? null : JsonParser.parseString(body);
            if (parsed != null && parsed.isJsonObject()) {
                JsonObject o = parsed.getAsJsonObject();
                code = field(o, "Code");
                message = field(o, "Message");
                requestId = field(o, "RequestId");
            }
        } catch (RuntimeException | StackOverflowError notJson) {
            // leave code null: reported as "(null)", like the SDK
        }
        if (code == null) {
            message = notJson(body);
        }
        return new CdnCallException(action, code == null ? ErrorCatalog.NULL_CODE : code,
                Redactor.clean(message, key), requestId, status, 1);
    }

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://([^/?#\\s]+)[^\\s]*");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    /**
     * The SDK's transport messages quote the whole signed request URL (nonce, timestamp, masked ID, signature;
     * DefaultAcsClient: "...The url is " + getSysUrl()), some 400 characters a person cannot use. Keep what helps:
     * the host, what failed, and the underlying cause (connection refused, unknown host, TLS).
     */
    private String transportMessage(String code, ClientException e, Integer readTimeoutMillis) {
        String sdk = e.getErrMsg() == null ? "" : e.getErrMsg();
        String host = endpoint.domain();
        if ("SDK.ReadTimeout".equals(code) && URL.matcher(sdk).find()) {
            return "no answer from " + host + (readTimeoutMillis == null ? " in the time left" : " within the read timeout"
                    + " of " + (readTimeoutMillis % 1000 == 0 ? readTimeoutMillis / 1000 + " s" : readTimeoutMillis + " ms"));
        }
        String why = causeInWords(e.getCause());
        boolean transport = "SDK.ServerUnreachable".equals(code) || "SDK.RequestTryOrRetryFailed".equals(code);
        if (transport && why != null) {
            return "could not reach " + host + viaProxy() + ": " + why;
        }
        if (!URL.matcher(sdk).find()) {
            return transport ? sdk + viaProxy() : sdk;
        }
        if ("SDK.ServerUnreachable".equals(code)) {
            Throwable cause = e.getCause();
            String raw = cause == null ? null : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null || cause.getMessage().isBlank() ? "" : ": " + cause.getMessage());
            return "could not reach " + host + viaProxy() + (raw == null ? "" : " (" + URL.matcher(raw).replaceAll("$1") + ")");
        }
        return URL.matcher(sdk).replaceAll("$1");
    }

    /**
     * What went wrong on the wire, in words, from the first cause in the chain we recognise; null when none is
     * recognised (the caller then keeps the exception's own name and message, the best that is known). Matched by
     * class name, because Apache HttpClient's classes are the SDK's dependency, not ours.
     */
    static String causeInWords(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage().trim();
            switch (name) {
                case "NoHttpResponseException":
                    return "the connection was closed without an answer";
                case "UnknownHostException":
                    return "host name " + (message.isEmpty() ? "" : "'" + firstWord(message) + "' ") + "not found (DNS)";
                case "ConnectException", "HttpHostConnectException":
                    return message.toLowerCase(java.util.Locale.ROOT).contains("timed out")
                            ? "the connection attempt timed out" : "the connection was refused";
                case "NoRouteToHostException":
                    return "no route to the host";
                case "SocketTimeoutException", "ConnectTimeoutException":
                    // A read that timed out inside the TLS handshake: the port accepted TCP but never spoke TLS
                    // (a plain-HTTP port, a proxy that swallows TLS). Naming it "the connection" would send people
                    // to the firewall.
                    return duringTlsHandshake(t) ? TLS_HANDSHAKE_TIMED_OUT : "the connection attempt timed out";
                case "SSLHandshakeException", "SSLPeerUnverifiedException", "SSLProtocolException", "SSLException":
                    return "the TLS handshake failed" + (message.isEmpty() ? "" : " (" + ResponseParser.abbreviate(message) + ")");
                case "SocketException":
                    if (message.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
                        return "the connection was reset";
                    }
                    if (message.toLowerCase(java.util.Locale.ROOT).contains("unreachable")) {
                        return "the network is unreachable";
                    }
                    if (!message.isEmpty()) {
                        return "the connection failed (" + ResponseParser.abbreviate(message) + ")";
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    static final String TLS_HANDSHAKE_TIMED_OUT = "the TLS handshake did not finish in time (the endpoint accepted"
            + " the connection but did not answer TLS: check that it is an HTTPS port and that no proxy or firewall"
            + " swallows TLS)";

    /** Whether a timeout was thrown while the TLS handshake was under way (from its stack, JDK or Apache HttpClient). */
    static boolean duringTlsHandshake(Throwable timeout) {
        // Apache's ConnectTimeoutException wraps the SocketTimeoutException thrown inside SSLSocketImpl.startHandshake
        for (Throwable t = timeout; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("sun.security.ssl.") || c.startsWith("javax.net.ssl.")
                        || frame.getMethodName().equals("startHandshake") || c.endsWith("SSLConnectionSocketFactory")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return URL.matcher(sp < 0 ? s : s.substring(0, sp)).replaceAll("$1").replaceAll("[:]$", "");
    }

    /**
     * " through the proxy host:port (from HTTPS_PROXY)" when the SDK sends this endpoint through a proxy from the
     * environment (HttpUtil.needProxy: HTTPS_PROXY for HTTPS, HTTP_PROXY / http_proxy for HTTP, unless NO_PROXY names
     * the host exactly; reference 2.2), else "". A failed connection then may be the proxy's; only the proxy's host
     * and port are shown, never a user name or password in its URL.
     */
    String viaProxy() {
        io.jenkins.plugins.cdngate.core.credentials.ProxySettings proxy = settings.proxy();
        if (proxy != null && !Endpoint.isLoopback(endpoint.host()) && !proxy.bypasses(endpoint.host())) {
            return " through the proxy " + proxy.host() + ":" + proxy.port() + " (from the proxy settings)";
        }
        return viaProxy(endpoint, System::getenv, CdnClient.noProxyWithLoopback(System.getenv("NO_PROXY")));
    }

    static String viaProxy(Endpoint endpoint, java.util.function.UnaryOperator<String> env, String noProxy) {
        for (String h : noProxy.split(",")) {
            if (h.trim().equalsIgnoreCase(endpoint.host())) {
                return "";
            }
        }
        String[] names = endpoint.https() ? new String[] {"HTTPS_PROXY"} : new String[] {"HTTP_PROXY", "http_proxy"};
        for (String name : names) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                String proxy = value.trim().replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");
                proxy = proxy.substring(proxy.lastIndexOf('@') + 1);
                int slash = proxy.indexOf('/');
                if (slash >= 0) {
                    proxy = proxy.substring(0, slash);
                }
                return " through the proxy " + Text.oneLine(proxy) + " (from " + name + ")";
            }
        }
        return "";
    }

    /** What a non-JSON error answer was: an HTML page's title, or its first characters. */
    private static String notJson(String body) {
        if (body == null || body.isBlank()) {
            return "the answer was empty";
        }
        Matcher title = TITLE.matcher(body);
        if (title.find() && !title.group(1).isBlank()) {
            return "an HTML page titled '" + ResponseParser.abbreviate(title.group(1)) + "'";
        }
        return "it begins '" + ResponseParser.abbreviate(body) + "'";
    }

    private static String field(JsonObject o, String name) {
        JsonElement v = o.get(name);
        if (v == null) {
            v = o.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
        return v != null && v.isJsonPrimitive() ? v.getAsString() : null;
    }

    private static int timeoutMillis(Duration configured, long fallback, long remainingMillis) {
        long wanted = configured == null || configured.isNegative() || configured.isZero() ? fallback : configured.toMillis();
        return (int) Math.max(1, Math.min(Math.min(wanted, remainingMillis), Integer.MAX_VALUE));
    }

    private static String seconds(Duration d) {
        return d == null ? "?" : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Identifies a call for coalescing (and a Describe call for caching): endpoint, AccessKey ID, a hash of secret and token
     * (a different secret must never share a result, and the secret itself never sits in a map key), action and
     * parameters.
     */
    String coalesceKey(String action, Map<String, String> params) {
        StringBuilder out = new StringBuilder()
                .append(endpoint).append('|').append(key.id()).append('|').append(secretHash).append('|').append(action);
        new TreeMap<>(params).forEach((k, v) -> out.append('|').append(k).append('=').append(v));
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
