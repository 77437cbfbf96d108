package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.credentials.ProxySettings;
import java.time.Duration;

/**
 * Where and how patiently to call Alibaba Cloud.
 *
 * @param endpoint       {@code host[:port]} or a URL; default {@code cdn.aliyuncs.com}. HTTPS always,
 *                       except plain HTTP to a loopback address (the emulator).
 * @param connectTimeout per request (the SDK's HTTP client is JVM-wide, so never configured globally)
 * @param readTimeout    per request
 * @param maxAttempts    total attempts for a retryable failure, at least 1
 * @param deadline       total time budget of one gate, waiting and retries included
 * @param stsEndpoint    the STS endpoint a RAM role is assumed at ({@code host[:port]} or a URL, same rules as
 *                       {@code endpoint}); default {@code sts.aliyuncs.com}; null means the default
 * @param proxy          the HTTP proxy for the CDN and STS calls, or null for none set here (the SDK then still
 *                       honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment). The SDK's HTTP client
 *                       is one per JVM and keeps the proxy of the first client built in that JVM: see
 *                       {@link ProxySettings}.
 */
public record ConnectionSettings(String endpoint, Duration connectTimeout, Duration readTimeout,
                                 int maxAttempts, Duration deadline, String stsEndpoint, ProxySettings proxy) {
    public static final String DEFAULT_ENDPOINT = "cdn.aliyuncs.com";
    public static final String DEFAULT_STS_ENDPOINT = "sts.aliyuncs.com";

    public ConnectionSettings {
        stsEndpoint = stsEndpoint == null || stsEndpoint.isBlank() ? DEFAULT_STS_ENDPOINT : stsEndpoint.strip();
    }

    /** Without an STS endpoint (the default) and without a proxy. */
    public ConnectionSettings(String endpoint, Duration connectTimeout, Duration readTimeout, int maxAttempts,
                              Duration deadline) {
        this(endpoint, connectTimeout, readTimeout, maxAttempts, deadline, null, null);
    }

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(DEFAULT_ENDPOINT, Duration.ofSeconds(5), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(60));
    }

    public ConnectionSettings withEndpoint(String value) {
        return new ConnectionSettings(value, connectTimeout, readTimeout, maxAttempts, deadline, stsEndpoint, proxy);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read) {
        return new ConnectionSettings(endpoint, connect, read, maxAttempts, deadline, stsEndpoint, proxy);
    }

    public ConnectionSettings withRetries(int attempts, Duration total) {
        return new ConnectionSettings(endpoint, connectTimeout, readTimeout, attempts, total, stsEndpoint, proxy);
    }

    /** The STS endpoint for RAM role assumption; null or blank means {@value #DEFAULT_STS_ENDPOINT}. */
    public ConnectionSettings withStsEndpoint(String value) {
        return new ConnectionSettings(endpoint, connectTimeout, readTimeout, maxAttempts, deadline, value, proxy);
    }

    /** The HTTP proxy for the CDN and STS calls; null for none. */
    public ConnectionSettings withProxy(ProxySettings value) {
        return new ConnectionSettings(endpoint, connectTimeout, readTimeout, maxAttempts, deadline, stsEndpoint, value);
    }
}
