package io.jenkins.plugins.cdngate.jenkins;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.Endpoint;
import io.jenkins.plugins.cdngate.core.EnsureActive;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.core.Interruptions;
import io.jenkins.plugins.cdngate.core.LockPolicy;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportJson;
import io.jenkins.plugins.cdngate.core.ReportText;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.credentials.CredentialFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The one binding shared by the Pipeline steps and the freestyle builders: parameters to a core request,
 * core {@link Report} to console lines, build result and a map of plain values. Every rule that can be
 * tested without Jenkins lives in core; nothing here interprets an Alibaba Cloud answer.
 */
public final class GateBinding {
    /** Prefix of every console line and error message of this plugin, as core's report lines have it. */
    public static final String PREFIX = ReportText.PREFIX;

    private GateBinding() {
    }

    /** Marks the place in the build that an UNSTABLE verdict belongs to, beyond the build result. */
    @FunctionalInterface
    public interface UnstableMarker {
        void mark(String message);
    }

    /** Freestyle builds have no stage: the build result says it all. */
    public static final UnstableMarker NO_STAGE = message -> { };

    /**
     * Marks the step's node (and so its stage) the way workflow-basic-steps' {@code unstable} step does,
     * so Pipeline Graph View and Blue Ocean show the stage as unstable, not only the build.
     */
    public static UnstableMarker flowNode(FlowNode node) {
        return message -> node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
    }

    /** What cdnEnsureActive / the ensure-active builder takes; blanks mean "use the default". */
    public record EnsureActiveParameters(String credentialsId, String endpoint, boolean activate, String chargeType,
                                         String expectedChargeType, String lockPolicy, String mode, String roleArn) {
        /**
         * Freestyle fields may hold ${VARIABLES}; Pipeline has interpolated them already. The credentials ID is
         * left as written: CredentialsProvider.findCredentialById resolves a ${CREDENTIALS_PARAMETER} itself and
         * then checks that the user who started the build may use the chosen credentials (USE_OWN / USE_ITEM).
         * Expanding it here would turn it into a plain ID looked up as the job, skipping that check.
         */
        public EnsureActiveParameters expand(UnaryOperator<String> expander) {
            return new EnsureActiveParameters(credentialsId, x(expander, endpoint), activate,
                    x(expander, chargeType), x(expander, expectedChargeType), x(expander, lockPolicy),
                    x(expander, mode), x(expander, roleArn));
        }
    }

    /** What cdnRequireQuota / the require-quota builder takes; sizes as text ({@code 500GiB}). */
    public record RequireQuotaParameters(String credentialsId, String endpoint, String minBytes, String warnBytes,
                                         String minRequests, String planFilter, Integer expiryWarningDays,
                                         String mode, String roleArn, Integer minDaysLeft, Integer warnDaysLeft) {
        /** Without the days-left thresholds. */
        public RequireQuotaParameters(String credentialsId, String endpoint, String minBytes, String warnBytes,
                                      String minRequests, String planFilter, Integer expiryWarningDays, String mode,
                                      String roleArn) {
            this(credentialsId, endpoint, minBytes, warnBytes, minRequests, planFilter, expiryWarningDays, mode,
                    roleArn, null, null);
        }

        /** As {@link EnsureActiveParameters#expand}: the credentials ID is left for findCredentialById. */
        public RequireQuotaParameters expand(UnaryOperator<String> expander) {
            return new RequireQuotaParameters(credentialsId, x(expander, endpoint),
                    x(expander, minBytes), x(expander, warnBytes), x(expander, minRequests), x(expander, planFilter),
                    expiryWarningDays, x(expander, mode), x(expander, roleArn), minDaysLeft, warnDaysLeft);
        }
    }

    private static String x(UnaryOperator<String> expander, String value) {
        return value == null ? null : expander.apply(value);
    }

    /** {@link #ensureActive(EnsureActiveParameters, Run, TaskListener, UnstableMarker, String)} with no place name. */
    public static Map<String, Object> ensureActive(EnsureActiveParameters p, Run<?, ?> run, TaskListener listener,
                                                   UnstableMarker marker) throws IOException, InterruptedException {
        return ensureActive(p, run, listener, marker, null);
    }

    /**
     * Runs ensure-active. Unreadable input fails before any credentials lookup, bad input before any API call.
     *
     * @param place where in the build the gate runs (e.g. {@code stage 'Deploy'}), for the build page; may be null
     */
    public static Map<String, Object> ensureActive(EnsureActiveParameters p, Run<?, ?> run, TaskListener listener,
                                                   UnstableMarker marker, String place)
            throws IOException, InterruptedException {
        LockPolicy lockPolicy;
        Mode mode;
        try {
            lockPolicy = LockPolicy.parse(p.lockPolicy());
            mode = Mode.parse(p.mode());
            // the request checks them again; here they fail before the credentials are even read
            EnsureActiveRequest.chargeType(p.chargeType());
            EnsureActiveRequest.expectedChargeType(p.expectedChargeType());
            GateIdentity.checkRoleArn(p.roleArn());
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
        CdnGateConfiguration config = CdnGateConfiguration.get();
        ConnectionSettings connection = connection(config, p.endpoint());
        String poolKey = poolKey(config, p.credentialsId(), p.roleArn(), connection, null);
        AccessKey key;
        try {
            key = GateIdentity.resolve(config, p.credentialsId(), p.roleArn(), connection, run);
        } catch (GateIdentity.Failed f) {
            return render(CredentialFailure.report(EnsureActive.GATE, f.error(), mode, f.base()), run, listener, marker,
                    place, poolKey, null);
        }
        EnsureActiveRequest request;
        try {
            // core refuses a charge type OpenCdnService would reject, before any call (a wrong one used to
            // reach the API and fail only after a state-changing request)
            request = new EnsureActiveRequest(key, connection, p.activate(), p.chargeType(), p.expectedChargeType(),
                    lockPolicy, mode);
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
        Report report;
        try {
            report = EnsureActive.run(request);
        } catch (InterruptedException e) {
            // An aborted build: activation cannot be undone, so when an OpenCdnService request was on the wire the
            // log says that its outcome is unknown and what to check (core's words, the CLI prints the same).
            listener.getLogger().println(PREFIX + Interruptions.message(e));
            throw e;
        }
        return render(report, run, listener, marker, place, poolKey, null);
    }

    /** {@link #requireQuota(RequireQuotaParameters, Run, TaskListener, UnstableMarker, String)} with no place name. */
    public static Map<String, Object> requireQuota(RequireQuotaParameters p, Run<?, ?> run, TaskListener listener,
                                                   UnstableMarker marker) throws IOException, InterruptedException {
        return requireQuota(p, run, listener, marker, null);
    }

    /**
     * Runs require-quota. Unreadable input fails before any credentials lookup, bad input before any API call. The
     * job's earlier builds' readings of the same pool within the last 30 days are the gate's history (its pace).
     *
     * @param place where in the build the gate runs (e.g. {@code stage 'Deploy'}), for the build page; may be null
     */
    public static Map<String, Object> requireQuota(RequireQuotaParameters p, Run<?, ?> run, TaskListener listener,
                                                   UnstableMarker marker, String place)
            throws IOException, InterruptedException {
        if (p.minBytes() == null || p.minBytes().isBlank()) {
            throw new AbortException(PREFIX + "minBytes is required, for example minBytes: '500GiB'");
        }
        long minBytes;
        Long warnBytes;
        Long minRequests;
        Mode mode;
        try {
            minBytes = size("minBytes", p.minBytes());
            warnBytes = p.warnBytes() == null || p.warnBytes().isBlank() ? null : size("warnBytes", p.warnBytes());
            minRequests = parseCount("minRequests", p.minRequests());
            mode = Mode.parse(p.mode());
            GateIdentity.checkRoleArn(p.roleArn());
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
        CdnGateConfiguration config = CdnGateConfiguration.get();
        ConnectionSettings connection = connection(config, p.endpoint());
        String poolKey = poolKey(config, p.credentialsId(), p.roleArn(), connection, p.planFilter());
        RequireQuotaRequest checked;
        try {
            // every value core checks (warnBytes >= minBytes, warnDaysLeft >= minDaysLeft, no negatives) fails here,
            // before any credentials lookup or STS call: the request is built with a placeholder key that is replaced
            // by the real one below; no call is ever made with the placeholder
            checked = new RequireQuotaRequest(AccessKey.of("validation-only", "validation-only"), connection, minBytes,
                    warnBytes, minRequests, p.planFilter(), p.expiryWarningDays(), mode)
                    .withDaysLeft(p.minDaysLeft(), p.warnDaysLeft());
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
        AccessKey key;
        try {
            key = GateIdentity.resolve(config, p.credentialsId(), p.roleArn(), connection, run);
        } catch (GateIdentity.Failed f) {
            return render(CredentialFailure.report(RequireQuota.GATE, f.error(), mode, f.base()), run, listener, marker,
                    place, poolKey, minRequests);
        }
        RequireQuotaRequest request = checked.withAccessKey(key)
                .withHistory(CdnGateJobAction.history(run, poolKey, Instant.now()));
        return render(RequireQuota.run(request), run, listener, marker, place, poolKey, minRequests);
    }

    /**
     * What identifies the pool a gate reads, so a later build takes as history only readings of the same pool: the
     * credentials (or the controller's identity), the role, the endpoint and the plan filter. IDs and names only.
     */
    static String poolKey(CdnGateConfiguration config, String stepCredentialsId, String roleArn,
                          ConnectionSettings connection, String planFilter) {
        String id = config.credentialsIdOr(stepCredentialsId);
        return String.join("|", id == null ? "(controller identity)" : "credentials " + id,
                roleArn == null || roleArn.isBlank() ? "" : roleArn.strip(), connection.endpoint(),
                planFilter == null ? "" : planFilter.strip());
    }

    /**
     * The global settings (checked: Configuration as Code sets them without the form's checks) and the endpoint
     * the gate will call, parsed here so a typo is one line before any credentials lookup, not a FAIL report.
     */
    private static ConnectionSettings connection(CdnGateConfiguration config, String stepEndpoint)
            throws AbortException {
        config.checkUsable();
        ConnectionSettings connection;
        try {
            connection = config.connection(stepEndpoint);
            Endpoint.parse(connection.endpoint());
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
        return connection;
    }

    /** The arguments that Pipeline users give as numbers or text: sizes and counts. */
    static final java.util.List<String> NUMBER_ARGUMENTS = java.util.List.of("minBytes", "warnBytes", "minRequests");

    /**
     * A copy of step arguments with every size or count given as a number turned into its exact text (core's
     * {@link Sizes#argumentText}); everything else as given.
     */
    static Map<String, Object> numbersAsText(Map<String, Object> arguments) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(arguments);
        for (String name : NUMBER_ARGUMENTS) {
            Object value = out.get(name);
            if (value != null && !(value instanceof String)) {
                out.put(name, Sizes.argumentText(value));
            }
        }
        return out;
    }

    private static long size(String name, String text) {
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /**
     * A plain count (requests); null when blank. Core's {@link Counts#parse}: digits only, the same rule as sizes, so
     * {@code 1,000} is refused in both rather than read differently.
     */
    static Long parseCount(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Counts.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /**
     * Prints the report (its last line is the verdict and the reason) and applies the verdict: UNSTABLE does what the
     * {@code unstable} step does (marker, build result, a {@code WARNING:} line) and the build goes on;
     * FAIL throws {@link AbortException}, which Jenkins prints without a stack trace. {@code minRequests} is the
     * require-quota gate's request minimum for its picture (null for none and for ensure-active).
     */
    static Map<String, Object> render(Report report, Run<?, ?> run, TaskListener listener, UnstableMarker marker,
                                      String place, String poolKey, Long minRequests) throws AbortException {
        // on the build page first: a FAIL below ends the step, and the page should still show why
        CdnGateRunAction.record(run, report, place, poolKey, minRequests);
        PrintStream log = listener.getLogger();
        for (String line : ReportText.lines(report)) {
            log.println(line);
        }
        String reason = PREFIX + report.reason();
        switch (report.verdict()) {
            case PASS -> {
                // the report's closing "Verdict: PASS - ..." line is the summary
            }
            case UNSTABLE -> {
                marker.mark(reason);
                run.setResult(Result.UNSTABLE);
                log.println("WARNING: " + reason);
            }
            case FAIL -> throw new AbortException(reason);
        }
        return toMap(report);
    }

    /**
     * Only Strings, numbers, booleans, lists and maps: a sandboxed Pipeline script reads them without
     * any script-security approval, and the CPS program can serialize them. The keys are core's JSON report
     * form (docs/report-json.md), plus {@code remaining}, the human size the steps documented first.
     */
    static Map<String, Object> toMap(Report r) {
        Map<String, Object> m = ReportJson.toMap(r);
        m.put("remaining", m.get("remainingBytesHuman"));
        return m;
    }
}
