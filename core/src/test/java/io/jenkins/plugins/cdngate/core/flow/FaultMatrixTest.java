package io.jenkins.plugins.cdngate.core.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.EmulatorFixture;
import io.jenkins.plugins.cdngate.core.EnsureActive;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.core.ErrorCatalog;
import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.Fault;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Each operation x each fault, through the real gates, the real SDK and real HTTP: the gate ends with
 * the documented verdict and message, within its deadline, after exactly the attempts its retry budget
 * allows. Never PASS for a fault that outlives the retries; PASS when a transient fault clears in time.
 *
 * <p>Runs on core's {@link EmulatorFixture} (one emulator, rate limits off, backoff of a few
 * milliseconds: the retry count is asserted, never the timing). Budget here: 3 attempts, read timeout
 * 300 ms, deadline 10 s. Retried (ErrorCatalog): throttling,
 * 5xx, transport failures (timeout, closed connection, a non-JSON error page). Not retried: a 200 answer
 * that cannot be read (retrying would not make the same server answer differently, and fail closed).
 */
public class FaultMatrixTest extends EmulatorFixture {
    private static final int ATTEMPTS = 3;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** Scheduling slack on a loaded shared machine; the gate itself never plans past its deadline. */
    private static final long SLACK_MS = 3000;

    private static final String OPEN = "OpenCdnService";
    private static final String DESCRIBE = "DescribeCdnService";
    private static final String PACKAGES = "DescribeCdnUserResourcePackage";

    private static final String KEY_ID = "LTAI-test-0001";
    private static final String SECRET = "test-secret-0001";

    /** The gate that exercises each operation, and the operations it calls before it (not faulted). */
    private enum Operation {
        /** ensure-active on an active account: one DescribeCdnService. */
        DESCRIBE_SERVICE(DESCRIBE),
        /** ensure-active on an account not yet active: describe, OpenCdnService (faulted), describe to confirm. */
        OPEN_SERVICE(OPEN),
        /** require-quota on an active account with a large plan: one DescribeCdnUserResourcePackage. */
        DESCRIBE_PLANS(PACKAGES);

        final String action;

        Operation(String action) {
            this.action = action;
        }
    }

    /**
     * One row: a fault, the verdict, the code the failing finding names (its message must then carry the
     * catalog's advice for that code), or for a fault that is not an error, a fragment the failing
     * finding's message must carry (null: no failing finding), and how many requests of the faulted action
     * the emulator must see.
     */
    private record Row(String name, Fault fault, Verdict verdict, String code, int requests, String mentions) {
        Row(String name, Fault fault, Verdict verdict, String code, int requests) {
            this(name, fault, verdict, code, requests, null);
        }
    }

    private static final int ALL = ATTEMPTS;

    private static List<Row> rows(Operation op) {
        List<Row> rows = new ArrayList<>(List.of(
                new Row("latency beyond the read timeout", Fault.latency(READ_TIMEOUT.toMillis() * 2),
                        Verdict.FAIL, "SDK.ReadTimeout", ALL),
                new Row("no answer", Fault.noAnswer(), Verdict.FAIL, "SDK.ReadTimeout", ALL),
                new Row("connection closed", Fault.closeConnection(), Verdict.FAIL, "SDK.ServerUnreachable", ALL),
                new Row("500", Fault.status500(), Verdict.FAIL, "InternalError", ALL),
                new Row("503", Fault.status503(), Verdict.FAIL, "ServiceUnavailable", ALL),
                new Row("HTML 502", Fault.html502(), Verdict.FAIL, "(null)", ALL),
                new Row("empty 200", Fault.empty200(), Verdict.FAIL, "CdnGate.MalformedResponse", 1),
                new Row("malformed JSON", Fault.malformedJson(), Verdict.FAIL, "CdnGate.MalformedResponse", 1),
                new Row("missing fields", Fault.missingFields(), Verdict.FAIL, "CdnGate.MalformedResponse", 1),
                op == Operation.DESCRIBE_PLANS
                        // capacities as an object and a boolean: the plan is listed, not counted, and the
                        // quota comes up short (a plan whose size cannot be read is never taken as plenty)
                        ? new Row("wrong types", Fault.wrongTypes(), Verdict.FAIL, null, 1, "unusable capacity")
                        : new Row("wrong types", Fault.wrongTypes(), Verdict.FAIL, "CdnGate.MalformedResponse", 1),
                new Row("throttling that outlasts the retries", Fault.throttle(), Verdict.FAIL, "Throttling.User", ALL),
                new Row("a throttled burst that clears", Fault.throttle().times(ATTEMPTS - 1), Verdict.PASS, null,
                        ATTEMPTS),
                new Row("a 503 that clears", Fault.status503().times(1), Verdict.PASS, null, 2),
                new Row("a closed connection that clears", Fault.closeConnection().times(1), Verdict.PASS, null, 2),
                new Row("a timeout that clears", Fault.noAnswer().times(1), Verdict.PASS, null, 2)));
        return rows;
    }

    @Test
    public void everyOperationEndsEveryFaultWithItsDocumentedVerdictWithinBudgetAndDeadline() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (Row row : rows(op)) {
                String label = op.action + " / " + row.name();
                // given
                emu.clearFaults();
                emu.clearRequests();
                emu.removeAccount(KEY_ID);
                emu.addAccount(account(op));
                emu.inject(op.action, row.fault());
                // when
                long start = System.nanoTime();
                Report report = run(op);
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                emu.clearFaults();
                // A delayed answer is logged when the emulator sends it, after the client gave up on it.
                long requests = settledCount(op.action, row.requests());
                // then
                Finding failing = report.findings().stream().filter(f -> f.verdict() != Verdict.PASS)
                        .filter(f -> row.code() == null || f.errorCode() != null).findFirst().orElse(null);
                String failingCode = failing == null ? null : failing.errorCode();
                seen.add(label + " -> " + report.verdict() + " " + failingCode + " x" + requests + " in " + tookMs
                        + " ms: " + report.reason());
                if (report.verdict() != row.verdict()) {
                    problems.add(label + ": verdict " + report.verdict() + ", expected " + row.verdict());
                }
                if (row.code() != null && !row.code().equals(failingCode)) {
                    problems.add(label + ": code " + failingCode + ", expected " + row.code());
                }
                if (row.code() != null && failing != null
                        && !failing.message().contains(adviceAsShown(ErrorCatalog.resolve(row.code()).adviceFor(op.action),
                        failing.requestId()))) {
                    problems.add(label + ": the message lacks the catalog's advice: " + failing.message());
                }
                if (row.mentions() != null && report.findings().stream()
                        .noneMatch(f -> f.verdict() != Verdict.PASS && f.message().contains(row.mentions()))) {
                    problems.add(label + ": no finding mentions '" + row.mentions() + "'");
                }
                if (row.verdict() == Verdict.PASS && failing != null) {
                    problems.add(label + ": a passing gate with a failing finding: " + failing.message());
                }
                if (requests != row.requests()) {
                    problems.add(label + ": " + requests + " requests, expected " + row.requests());
                }
                if (tookMs > DEADLINE.toMillis() + SLACK_MS) {
                    problems.add(label + ": took " + tookMs + " ms, deadline " + DEADLINE.toMillis() + " ms");
                }
            }
        }
        assertEquals("\n" + String.join("\n", seen) + "\n", List.of(), problems);
    }

    /** Advice asking for the RequestId is shown without that request when the answer had no RequestId. */
    private static String adviceAsShown(String advice, String requestId) {
        return requestId != null ? advice
                : advice.replace(" with the RequestId", "").replace("report the RequestId", "report it");
    }

    @Test
    public void aFaultThatOutlastsTheDeadlineEndsEveryGateAtItsDeadlineAndFails() throws Exception {
        // given room for 50 attempts but only 1 s, and a service that never answers
        Duration deadline = Duration.ofMillis(1000);
        for (Operation op : Operation.values()) {
            emu.clearFaults();
            emu.clearRequests();
            emu.removeAccount(KEY_ID);
            emu.addAccount(account(op));
            emu.inject(op.action, Fault.noAnswer());
            ConnectionSettings connection = ConnectionSettings.defaults().withEndpoint(emu.endpoint())
                    .withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT).withRetries(50, deadline);
            // when
            long start = System.nanoTime();
            Report report = run(op, connection);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            emu.clearFaults();
            // then
            assertEquals(op + ": " + report.reason(), Verdict.FAIL, report.verdict());
            assertTrue(op + " took " + tookMs + " ms", tookMs <= deadline.toMillis() + SLACK_MS);
            long requests = emu.requestCount(op.action);
            assertTrue(op + ": " + requests + " requests", requests >= 1 && requests < 50);
        }
    }

    /** The emulator's count once it reaches {@code expected} or stops moving (bounded wait, no fixed sleep). */
    private static long settledCount(String action, int expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long count = emu.requestCount(action);
        while (count < expected && System.nanoTime() - end < 0) {
            Thread.sleep(10);
            count = emu.requestCount(action);
        }
        return count;
    }

    private static Account account(Operation op) {
        return Account.create(KEY_ID, SECRET).activated(op != Operation.OPEN_SERVICE)
                .plan(Plan.dataTransfer("FP-0001", "CDN data transfer plan (Chinese mainland)", 536870912000L,
                        536870912000L, "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
    }

    private static Report run(Operation op) throws InterruptedException {
        return run(op, ConnectionSettings.defaults().withEndpoint(emu.endpoint())
                .withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT).withRetries(ATTEMPTS, DEADLINE));
    }

    private static Report run(Operation op, ConnectionSettings connection) throws InterruptedException {
        AccessKey key = AccessKey.of(KEY_ID, SECRET);
        if (op == Operation.DESCRIBE_PLANS) {
            return RequireQuota.run(RequireQuotaRequest.of(key, connection, 1L << 30));
        }
        return EnsureActive.run(EnsureActiveRequest.of(key, connection));
    }
}
