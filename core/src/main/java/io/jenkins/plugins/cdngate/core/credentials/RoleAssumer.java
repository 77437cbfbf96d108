package io.jenkins.plugins.cdngate.core.credentials;

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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Endpoint;
import io.jenkins.plugins.cdngate.core.ErrorCatalog;
import io.jenkins.plugins.cdngate.core.SdkProfiles;
import io.jenkins.plugins.cdngate.core.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Assumes a RAM role through STS AssumeRole (API 2015-04-01) and returns its temporary credentials.
 *
 * <p>Why through aliyun-java-sdk-core and not credentials-java's RamRoleArnCredentialProvider: the SDK is the client
 * the CDN calls already go through, so the STS call leaves the JVM the same way (the proxy of {@link ProxySettings},
 * NO_PROXY, per-request timeouts, TLS checks) and plain HTTP reaches the loopback emulator; credentials-java's own HTTP
 * client always uses HTTPS and takes its proxy only from the JVM's system properties. The request is the one the SDK
 * signs for every RPC API (HMAC-SHA1, fresh nonce and timestamp). The credential chain's own STS exchanges (OIDC source,
 * aliyun CLI profiles in RamRoleArn / ChainableRamRoleArn / OIDC mode) stay inside credentials-java.
 */
public final class RoleAssumer {
    static final String VERSION = "2015-04-01";
    static final String ACTION = "AssumeRole";

    private RoleAssumer() {
    }

    /**
     * @param base       the credential the role is assumed with (any source, an STS key included)
     * @param connection {@link ConnectionSettings#stsEndpoint()}, timeouts, attempts, deadline, proxy
     * @return the temporary key, with its security token and a source naming the role and the base source
     * @throws CredentialException one line naming the role, what failed and the fix (STS code and RequestId when
     *                             STS answered); never a secret or token
     */
    public static AccessKey assume(AccessKey base, RoleSpec role, ConnectionSettings connection)
            throws CredentialException, InterruptedException {
        ConnectionSettings settings = connection == null ? ConnectionSettings.defaults() : connection;
        String what = "assuming RAM role " + role.roleArn();
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parse(settings.stsEndpoint());
        } catch (IllegalArgumentException e) {
            throw new CredentialException(what + ": the STS endpoint is not usable (" + e.getMessage()
                    + "): give host[:port] or a URL, default " + ConnectionSettings.DEFAULT_STS_ENDPOINT, null, null, source(role, base));
        }
        DefaultAcsClient sdk;
        try {
            AlibabaCloudCredentials credentials = base.securityToken() == null
                    ? new BasicCredentials(base.id(), base.secret())
                    : new BasicSessionCredentials(base.id(), base.secret(), base.securityToken());
            sdk = new DefaultAcsClient(SdkProfiles.profile(settings), new StaticCredentialsProvider(credentials));
            sdk.setSysRetryPolicy(RetryPolicy.none());
        } catch (IllegalArgumentException e) {
            throw new CredentialException(what + ": " + e.getMessage(), null, null, source(role, base));
        }
        long deadline = System.nanoTime() + nanos(settings.deadline(), Duration.ofSeconds(60));
        int attempts = Math.max(1, settings.maxAttempts());
        CredentialException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the build was aborted before " + ACTION);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Attempt result = once(sdk, endpoint, base, role, settings, left);
            if (result.key != null) {
                return result.key;
            }
            last = result.failure;
            if (!result.retryable || attempt == attempts) {
                break;
            }
            long sleep = Math.min(200L << Math.min(10, attempt - 1), 5000);
            if (System.nanoTime() + sleep * 1_000_000 >= deadline) {
                break;
            }
            Thread.sleep(sleep);
        }
        if (last == null) {
            last = new CredentialException(what + ": no answer from STS within the deadline of "
                    + settings.deadline().toSeconds() + " s: run the gate again, or raise the deadline (cdn-gate --deadline)",
                    ErrorCatalog.DEADLINE_EXCEEDED, null, source(role, base));
        }
        throw last;
    }

    private record Attempt(AccessKey key, CredentialException failure, boolean retryable) { }

    private static Attempt once(DefaultAcsClient sdk, Endpoint endpoint, AccessKey base, RoleSpec role,
                                ConnectionSettings settings, long leftNanos) throws InterruptedException {
        String what = "assuming RAM role " + role.roleArn();
        CommonRequest request = new CommonRequest();
        request.setSysDomain(endpoint.domain());
        request.setSysVersion(VERSION);
        request.setSysAction(ACTION);
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(endpoint.https() ? ProtocolType.HTTPS : ProtocolType.HTTP);
        long leftMillis = Math.max(1, leftNanos / 1_000_000);
        request.setSysConnectTimeout(millis(settings.connectTimeout(), 5000, leftMillis));
        request.setSysReadTimeout(millis(settings.readTimeout(), 10000, leftMillis));
        request.setSysRetryPolicy(RetryPolicy.none());
        request.putQueryParameter("RoleArn", role.roleArn());
        request.putQueryParameter("RoleSessionName", role.sessionName());
        request.putQueryParameter("DurationSeconds", String.valueOf(role.durationSeconds()));
        if (role.externalId() != null) {
            request.putQueryParameter("ExternalId", role.externalId());
        }
        HttpResponse response;
        String body;
        try {
            response = sdk.doAction(request.buildRequest());
            body = response.getHttpContentString();
        } catch (ClientException e) {
            String code = e.getErrCode() == null ? ErrorCatalog.NULL_CODE : e.getErrCode();
            ErrorCatalog.Entry entry = ErrorCatalog.resolveSts(code);
            String why = e.getCause() == null ? e.getErrMsg() : cause(e.getCause());
            return new Attempt(null, new CredentialException(what + " at " + endpoint.host() + " failed with " + code
                    + (why == null || why.isBlank() ? "" : " (" + clean(why, base) + ")") + ". " + entry.advice(),
                    code, e.getRequestId(), source(role, base)), ErrorCatalog.retryable(entry, 0));
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("the build was aborted during " + ACTION);
            }
        }
        JsonObject answer = json(body);
        if (!response.isSuccess()) {
            String code = text(answer, "Code");
            String message = text(answer, "Message");
            String requestId = text(answer, "RequestId");
            ErrorCatalog.Entry entry = ErrorCatalog.resolveSts(code == null ? ErrorCatalog.NULL_CODE : code);
            String line = what + " failed with " + (code == null ? "no error code (HTTP " + response.getStatus()
                    + ", the answer was not JSON)" : code + " (HTTP " + response.getStatus() + ")")
                    + (message == null ? "" : ": " + stripDot(clean(message, base))) + ". " + entry.advice();
            return new Attempt(null, new CredentialException(line, code == null ? ErrorCatalog.NULL_CODE : code,
                    requestId, source(role, base)), ErrorCatalog.retryable(entry, response.getStatus()));
        }
        JsonObject credentials = answer == null || !(answer.get("Credentials") instanceof JsonObject c) ? null : c;
        String id = text(credentials, "AccessKeyId");
        String secret = text(credentials, "AccessKeySecret");
        String token = text(credentials, "SecurityToken");
        String expiration = text(credentials, "Expiration");
        if (id == null || secret == null || token == null) {
            return new Attempt(null, new CredentialException(what + ": STS answered without complete Credentials "
                    + "(AccessKeyId, AccessKeySecret, SecurityToken): check for a proxy rewriting answers, and run the gate again",
                    ErrorCatalog.MALFORMED_RESPONSE, text(answer, "RequestId"), source(role, base)), false);
        }
        String until = "";
        if (expiration != null) {
            try {
                until = ", valid until " + Instant.parse(expiration);
            } catch (DateTimeParseException ignored) {
                // the expiry is information only; STS enforces it
            }
        }
        try {
            return new Attempt(AccessKey.of(id, secret, token).withSource(source(role, base) + until), null, false);
        } catch (IllegalArgumentException e) {
            return new Attempt(null, new CredentialException(what + ": STS answered unusable credentials ("
                    + e.getMessage() + "): run the gate again", ErrorCatalog.MALFORMED_RESPONSE, null, source(role, base)), false);
        }
    }

    /** "RAM role acs:ram::123:role/deploy (session cdn-gate) assumed with <base source>". */
    static String source(RoleSpec role, AccessKey base) {
        return "RAM role " + role.roleArn() + " (session " + role.sessionName() + ") assumed with "
                + (base.source() == null ? "AccessKey " + base.maskedId() : base.source() + " (" + base.maskedId() + ")");
    }

    private static String clean(String text, AccessKey base) {
        String out = text;
        for (String secret : new String[] {base.secret(), base.securityToken()}) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "****");
            }
        }
        out = out.replaceAll("(?i)(Signature|SecurityToken|SignatureNonce)=[^&\\s]*", "$1=****");
        out = Text.oneLine(out);
        return out.length() > 300 ? out.substring(0, 297) + "..." : out;
    }

    private static String cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (name.contains("UnknownHost")) {
                return "host name not found (DNS)";
            }
            if (name.contains("Connect")) {
                return "the connection was refused or timed out";
            }
            if (name.contains("SocketTimeout")) {
                return "no answer within the read timeout";
            }
            if (name.startsWith("SSL")) {
                return "the TLS handshake failed";
            }
        }
        return t.getClass().getSimpleName();
    }

    private static JsonObject json(String body) {
        try {
            JsonElement e = body == null || body.isBlank() ? null : JsonParser.parseString(body);
            return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static String text(JsonObject o, String name) {
        if (o == null) {
            return null;
        }
        JsonElement v = o.get(name);
        return v != null && v.isJsonPrimitive() && !v.getAsString().isBlank() ? v.getAsString() : null;
    }

    private static String stripDot(String s) {
        String t = s.trim();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static long nanos(Duration d, Duration fallback) {
        Duration x = d == null || d.isZero() || d.isNegative() ? fallback : d;
        return x.toNanos();
    }

    private static int millis(Duration configured, long fallback, long left) {
        long wanted = configured == null || configured.isZero() || configured.isNegative() ? fallback : configured.toMillis();
        return (int) Math.max(1, Math.min(Math.min(wanted, left), Integer.MAX_VALUE));
    }
}
