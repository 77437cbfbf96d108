package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Endpoint;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.core.credentials.RoleSpec;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every gate subcommand shares (an option only one gate uses lives in that gate's command, e.g.
 * ensure-active's {@code --rate-limit-open}): where to call, how patiently, how to be polite to the
 * API, where the credentials are, and how to print the result. Defaults match
 * {@link ConnectionSettings#defaults()} and {@link GovernorSettings#defaults()}.
 */
final class CommonOptions {
    @Option(names = "--endpoint", order = 100, paramLabel = "HOST[:PORT]|URL", defaultValue = ConnectionSettings.DEFAULT_ENDPOINT,
            description = "CDN API endpoint (default: ${DEFAULT-VALUE}). Always HTTPS, except plain HTTP to a "
                    + "loopback emulator such as 127.0.0.1:18080.")
    String endpoint;

    @Option(names = "--json", order = 101,
            description = "Print the report as one JSON object on stdout instead of the human lines.")
    boolean json;

    @Option(names = "--timeout", order = 102, paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.DurationConverter.class,
            description = "Read timeout of each request, e.g. 500ms, 10s (default: ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = "--connect-timeout", order = 103, paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.DurationConverter.class,
            description = "Connect timeout of each request (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--attempts", order = 104, paramLabel = "N", defaultValue = "4",
            converter = Converters.AttemptsConverter.class,
            description = "Attempts per call when Alibaba Cloud throttles, answers 5xx or the network fails; "
                    + "1 means no retry (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--deadline", order = 105, paramLabel = "DURATION", defaultValue = "60s",
            converter = Converters.DurationConverter.class,
            description = "Total time budget of the gate, waits and retries included (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(names = "--profile", order = 106, paramLabel = "NAME",
            description = "Use this profile of the aliyun CLI ($HOME/.aliyun/config.json; AK, StsToken, RamRoleArn, "
                    + "ChainableRamRoleArn, EcsRamRole or OIDC mode) instead of the default credential chain.")
    String profile;

    /** No longer read (Alibaba's credentials library reads $HOME/.aliyun/config.json only): refused in one line. */
    @Option(names = "--config-file", order = 107, paramLabel = "FILE", hidden = true)
    Path configFile;

    @Option(names = "--role-arn", order = 113, paramLabel = "ARN",
            description = "Assume this RAM role (STS AssumeRole) with the credentials found, and call CDN with the "
                    + "role's temporary credentials: acs:ram::<account id>:role/<role name>.")
    String roleArn;

    @Option(names = "--role-session-name", order = 114, paramLabel = "NAME",
            description = "RoleSessionName recorded by STS and ActionTrail (default: " + RoleSpec.DEFAULT_SESSION_NAME + ").")
    String roleSessionName;

    @Option(names = "--role-duration", order = 115, paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "How long the role's temporary credentials live, 900s to 43200s, at most the role's maximum "
                    + "session duration (default: 3600s).")
    Duration roleDuration;

    @Option(names = "--external-id", order = 116, paramLabel = "ID",
            description = "The ExternalId the role's trust policy asks for.")
    String externalId;

    @Option(names = "--sts-endpoint", order = 117, paramLabel = "HOST[:PORT]|URL",
            description = "STS endpoint for --role-arn and the OIDC source (default: "
                    + ConnectionSettings.DEFAULT_STS_ENDPOINT + "). Same rules as --endpoint.")
    String stsEndpoint;

    @Option(names = "--rate-limit-describe", order = 108, paramLabel = "PER_SECOND", defaultValue = "30",
            converter = Converters.RateConverter.class,
            description = "Describe calls per second per AccessKey and action, within this process (separate cdn-gate "
                    + "processes do not share it); Alibaba allows 30 (default: ${DEFAULT-VALUE}).")
    double describePerSecond;

    @Option(names = "--no-rate-limit", order = 110,
            description = "Do not wait for a rate-limit permit before each call (Alibaba may answer Throttling.User).")
    boolean noRateLimit;

    @Option(names = "--no-coalescing", order = 111,
            description = "Do not let identical concurrent Describe calls of this process share one request (one gate run "
                    + "makes one or a few calls, so it rarely matters here; it does in the Jenkins plugin).")
    boolean noCoalescing;

    @Option(names = "--cache-ttl", order = 112, paramLabel = "DURATION", defaultValue = "0s",
            converter = Converters.DurationConverter.class,
            description = "Reuse a Describe result for this long within this process (a new cdn-gate process starts "
                    + "empty); 0s = off (default: ${DEFAULT-VALUE}).")
    Duration cacheTtl;

    @Option(names = "--report", order = 118, paramLabel = "FILE.html",
            description = "Also write the report as one self-contained HTML page: verdict, reason, findings, the "
                    + "picture of every plan, a table of plans, RequestIds (no script, nothing loaded from elsewhere). "
                    + "Without any option, a Markdown summary is appended to $GITHUB_STEP_SUMMARY when it is set "
                    + "(GitHub Actions).")
    String report;

    @Option(names = "--junit", order = 119, paramLabel = "FILE",
            description = "Also write JUnit XML with one test case for this gate, for the test views of Jenkins, "
                    + "GitLab and Azure Pipelines: FAIL and UNSTABLE are failures of type fail and unstable.")
    String junit;

    /** Checked before credentials are resolved and before any call: every error names its option. */
    ConnectionSettings connection() {
        positive("--timeout", readTimeout);
        positive("--connect-timeout", connectTimeout);
        positive("--deadline", deadline);
        if (endpoint == null || endpoint.isBlank()) {
            throw ConfigurationException.option("--endpoint is empty: give HOST[:PORT] or a URL, e.g. "
                    + ConnectionSettings.DEFAULT_ENDPOINT);
        }
        try {
            // The gate parses it again; parsing here makes a typo a usage error (exit 2, nothing on stdout)
            // instead of a FAIL report that looks like the account's fault.
            Endpoint.parse(endpoint);
        } catch (IllegalArgumentException e) {
            // core's message decides what of the value is shown: never echo it here (a password before '@' must
            // stay hidden, as core words it)
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw ConfigurationException.option(message.startsWith("endpoint ") ? "--" + message
                    : message.startsWith("the endpoint ") ? "--" + message.substring("the ".length())
                    : "--endpoint is not usable: " + message);
        }
        if (stsEndpoint != null) {
            if (stsEndpoint.isBlank()) {
                throw ConfigurationException.option("--sts-endpoint is empty: give HOST[:PORT] or a URL, e.g. "
                        + ConnectionSettings.DEFAULT_STS_ENDPOINT + ", or leave the option out");
            }
            try {
                Endpoint.parse(stsEndpoint);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage() == null ? "" : e.getMessage();
                throw ConfigurationException.option(message.startsWith("endpoint ") ? "--sts-" + message
                        : message.startsWith("the endpoint ") ? "--sts-" + message.substring("the ".length())
                        : "--sts-endpoint is not usable: " + message);
            }
        }
        return new ConnectionSettings(endpoint.trim(), connectTimeout, readTimeout, attempts, deadline,
                stsEndpoint == null ? null : stsEndpoint.trim(), null);
    }

    /** The --profile value as given (null without it); a blank one is a usage error, as every blank credential value. */
    String profile() {
        if (profile != null && profile.isBlank()) {
            throw ConfigurationException.option("--profile is empty: name a profile of the aliyun CLI, or leave the "
                    + "option out");
        }
        return profile;
    }

    /** The RAM role to assume, or null without --role-arn; checked before any call. */
    RoleSpec role() {
        if (roleArn == null) {
            if (roleSessionName != null || roleDuration != null || externalId != null) {
                throw ConfigurationException.option("--role-session-name, --role-duration and --external-id need --role-arn");
            }
            return null;
        }
        Integer seconds = null;
        if (roleDuration != null) {
            if (roleDuration.toMillis() % 1000 != 0) {
                throw ConfigurationException.option("--role-duration must be whole seconds, not " + roleDuration.toMillis() + "ms");
            }
            seconds = (int) Math.min(Integer.MAX_VALUE, roleDuration.toSeconds());
        }
        if (roleArn.isBlank()) {
            throw ConfigurationException.option("--role-arn is empty: give acs:ram::<account id>:role/<role name>, or leave "
                    + "the option out");
        }
        if (externalId != null && externalId.isBlank()) {
            // an unexpanded $EXTERNAL_ID must not quietly assume the role without the ExternalId asked for
            throw ConfigurationException.option("--external-id is empty: give the ExternalId the role's trust policy "
                    + "asks for, or leave the option out");
        }
        if (roleSessionName != null && roleSessionName.isBlank()) {
            // an unexpanded $SESSION_NAME must not quietly become the default name an audit trail then shows
            throw ConfigurationException.option("--role-session-name is empty: give a session name (2 to 64 letters, "
                    + "digits or . @ - _), or leave the option out for the default, cdn-gate");
        }
        try {
            return new RoleSpec(roleArn, roleSessionName, seconds, externalId);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            m = m.replace("role ARN ", "--role-arn ").replace("role session name ", "--role-session-name ")
                    .replace("role session duration ", "--role-duration ").replace("external ID ", "--external-id ");
            throw ConfigurationException.option(m);
        }
    }

    /**
     * @param openPerSecond ensure-active's {@code --rate-limit-open}; require-quota never calls OpenCdnService, so it
     *                      has no such option and passes the default
     */
    GovernorSettings governor(double openPerSecond) {
        // each rate is checked by its converter (RateConverter), so an error names only the option at fault
        return new GovernorSettings(!noRateLimit, openPerSecond, describePerSecond, !noCoalescing, cacheTtl);
    }

    private static void positive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw ConfigurationException.option(option + " must be above 0, not " + value.toMillis() + "ms");
        }
    }
}
