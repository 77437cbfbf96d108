package io.jenkins.plugins.cdngate.core;

import java.time.Duration;

/**
 * Where and how patiently to call Alibaba Cloud.
 *
 * @param endpoint      {@code host[:port]} or a URL; default {@code cdn.aliyuncs.com}. HTTPS always,
 *                      except plain HTTP to a loopback address (the emulator).
 * @param connectTimeout per request (the SDK's HTTP client is JVM-wide, so never configured globally)
 * @param readTimeout    per request
 * @param maxAttempts    total attempts for a retryable failure, at least 1
 * @param deadline       total time budget of one gate, waiting and retries included
 */
public record ConnectionSettings(String endpoint, Duration connectTimeout, Duration readTimeout,
                                 int maxAttempts, Duration deadline) {
    public static final String DEFAULT_ENDPOINT = "cdn.aliyuncs.com";

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(DEFAULT_ENDPOINT, Duration.ofSeconds(5), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(60));
    }

    public ConnectionSettings withEndpoint(String value) {
        return new ConnectionSettings(value, connectTimeout, readTimeout, maxAttempts, deadline);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read) {
        return new ConnectionSettings(endpoint, connect, read, maxAttempts, deadline);
    }

    public ConnectionSettings withRetries(int attempts, Duration total) {
        return new ConnectionSettings(endpoint, connectTimeout, readTimeout, attempts, total);
    }
}
