package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Fault;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class RetryTest extends EmulatorFixture {

    @Test
    public void transientFailuresAreRetriedWithAFreshSignatureUntilSuccess() throws Exception {
        // The emulator rejects a reused SignatureNonce, so a PASS on the third attempt proves each attempt was re-signed.
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.status500().times(2));
        Report r = EnsureActive.run(ensure());
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(3, count("DescribeCdnService"));
    }

    /** fault -> requests needed to succeed with 3 attempts */
    private static final Object[][] RECOVERABLE = {
            {Fault.throttle().times(1), 2},
            {Fault.status503().times(2), 3},
            {Fault.html502().times(1), 2},
            {Fault.closeConnection().times(2), 3},
    };

    @Test
    public void throttlingServerAndTransportFailuresAreRetried() throws Exception {
        for (Object[] row : RECOVERABLE) {
            freshKey();
            account().activated(true);
            emu.inject("DescribeCdnUserResourcePackage", (Fault) row[0]);
            Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 0));
            assertEquals(row[0] + ": " + r.reason(), Verdict.PASS, r.verdict());
            assertEquals(row[0] + " requests", (long) (int) row[1], count("DescribeCdnUserResourcePackage"));
            emu.clearFaults();
        }
    }

    @Test
    public void attemptsAreBoundedByMaxAttempts() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.status503());
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withRetries(5, Duration.ofSeconds(30))));
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals(5, count("DescribeCdnService"));
        assertTrue(r.reason(), r.reason().contains("(after 5 attempts)"));
    }

    @Test
    public void oneAttemptMeansNoRetry() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.status503().times(1));
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withRetries(1, Duration.ofSeconds(30))));
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals(1, count("DescribeCdnService"));
    }

    @Test
    public void nonRetryableErrorsAreTriedOnce() throws Exception {
        account().activated(true).deny("DescribeCdnService");
        EnsureActive.run(ensure());
        assertEquals(1, count("DescribeCdnService"));
    }

    @Test
    public void openIsRetriedOnA5xxAndTheServiceEndsActive() throws Exception {
        account();
        emu.inject("OpenCdnService", Fault.status500().times(1));
        Report r = EnsureActive.run(ensure());
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(2, count("OpenCdnService"));
    }

    @Test
    public void theDeadlineBoundsASlowAnswer() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.latency(5_000));
        ConnectionSettings conn = connection().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10))
                .withRetries(3, Duration.ofMillis(300));
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), conn));
        assertEquals(Verdict.FAIL, r.verdict());
        // Whichever gives up first: the governor at the deadline, or the read timeout clamped to the deadline.
        assertTrue(r.reason(), r.reason().contains("[Code CdnGate.DeadlineExceeded") || r.reason().contains("[Code SDK.ReadTimeout"));
    }

    @Test
    public void aTimeoutCutShortByTheDeadlineReportsTheDeadlineAndTheAttempts() throws Exception {
        // given an API slower than the read timeout, retries allowed, and a total budget for about three attempts
        // (issue 8 item 4)
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.latency(20_000));
        ConnectionSettings conn = connection().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .withRetries(10, Duration.ofSeconds(3));
        // when
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), conn));
        // then the line says the total budget ran out, after how many attempts, and which setting to raise
        assertEquals(Verdict.FAIL, r.verdict());
        // (the emulator logs a delayed request only when it answers, so the attempts are not counted there)
        assertTrue(r.reason(), r.reason().matches(".*; the total time budget of 3 s ran out after [1-9][0-9]* attempts?\\. .*"));
        assertTrue(r.reason(), r.reason().contains("--deadline"));
        assertTrue(r.reason(), r.reason().contains("deadlineSeconds"));
        assertTrue(r.reason(), r.reason().contains("raise the total time budget"));
        assertFalse(r.reason(), r.reason().contains("--timeout"));
        assertFalse(r.reason(), r.reason().contains("raise the read timeout"));
    }

    @Test
    public void aReadTimeoutWithinTheBudgetStillNamesTheReadTimeout() throws Exception {
        // every attempt ends at the read timeout and the attempts run out well before the budget
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.latency(20_000));
        ConnectionSettings conn = connection().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .withRetries(2, Duration.ofSeconds(60));
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), conn));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("within the read timeout of 1 s (after 2 attempts)"));
        assertTrue(r.reason(), r.reason().contains("--timeout"));
        assertFalse(r.reason(), r.reason().contains("time budget"));
    }

    @Test
    public void anInterruptedThreadGetsInterruptedExceptionNotAReport() {
        account().activated(true);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> EnsureActive.run(ensure()));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    public void anInterruptDuringBackoffEndsTheGateAtOnce() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.status503());
        long base = CdnClient.backoffBaseMillis;
        long cap = CdnClient.backoffCapMillis;
        CdnClient.backoffBaseMillis = 60_000;
        CdnClient.backoffCapMillis = 60_000;
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread gate = new Thread(() -> {
            try {
                // A deadline far beyond the longest backoff, so the gate can only be sleeping or calling when interrupted.
                EnsureActive.run(EnsureActiveRequest.of(key(), connection().withRetries(3, Duration.ofMinutes(10))));
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                done.countDown();
            }
        });
        try {
            gate.start();
            while (count("DescribeCdnService") < 1 && done.getCount() > 0) {
                Thread.onSpinWait();
            }
            gate.interrupt();
            done.await();
        } finally {
            CdnClient.backoffBaseMillis = base;
            CdnClient.backoffCapMillis = cap;
        }
        // If the backoff drew a tiny delay the second attempt may have started; either way an interrupt ends it.
        assertTrue(String.valueOf(outcome.get()), outcome.get() instanceof InterruptedException);
    }

    @Test
    public void fullJitterStaysWithinTheExponentialCeiling() {
        long base = CdnClient.backoffBaseMillis;
        long cap = CdnClient.backoffCapMillis;
        CdnClient.backoffBaseMillis = 200;
        CdnClient.backoffCapMillis = 5000;
        try {
            for (int i = 0; i < 200; i++) {
                assertTrue(CdnClient.backoffMillis(1) <= 200);
                assertTrue(CdnClient.backoffMillis(3) <= 800);
                assertTrue(CdnClient.backoffMillis(30) <= 5000);
                assertTrue(CdnClient.backoffMillis(30) >= 0);
            }
        } finally {
            CdnClient.backoffBaseMillis = base;
            CdnClient.backoffCapMillis = cap;
        }
    }
}
