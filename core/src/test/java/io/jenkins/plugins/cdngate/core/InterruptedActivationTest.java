package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.cdngate.emulator.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.Test;

/**
 * Issue 8 item 3: an abort (thread interrupt; the CLI's signal) while OpenCdnService is on the wire. Activation cannot
 * be undone, so the gate must say that an activation request was sent and its outcome is unknown, with what to check;
 * an abort anywhere else says nothing was verified.
 */
public class InterruptedActivationTest extends EmulatorFixture {

    @Test
    public void anAbortWhileOpenCdnServiceIsInFlightSaysAnActivationWasSentWithUnknownOutcome() throws Exception {
        // given a not activated account whose OpenCdnService never answers
        account();
        emu.inject("OpenCdnService", Fault.noAnswer());
        // when the build is aborted while the activation request is on the wire
        Object outcome = runAndInterruptWhen(() -> count("OpenCdnService") == 1);
        // then
        assertTrue("got " + outcome, outcome instanceof GateInterruptedException);
        GateInterruptedException e = (GateInterruptedException) outcome;
        assertTrue(e.activationOutcomeUnknown());
        String m = e.getMessage();
        assertTrue(m, m.contains("activation request (OpenCdnService) was sent"));
        assertTrue(m, m.contains("outcome is unknown"));
        assertTrue(m, m.contains("cannot be undone"));
        assertTrue(m, m.contains("console"));
        assertFalse(m, m.contains("nothing was verified"));
        assertEquals(m, Interruptions.message(e));
        assertFalse(m, m.contains("\n"));
    }

    @Test
    public void anAbortWhileOnlyDescribingSaysNothingWasVerified() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnService", Fault.noAnswer());
        Object outcome = runAndInterruptWhen(() -> count("DescribeCdnService") == 1);
        assertTrue("got " + outcome, outcome instanceof InterruptedException);
        assertFalse(outcome instanceof GateInterruptedException g && g.activationOutcomeUnknown());
        assertEquals(Interruptions.NOTHING_VERIFIED, Interruptions.message((InterruptedException) outcome));
        assertEquals(0, count("OpenCdnService"));
    }

    private Object runAndInterruptWhen(BooleanSupplier sent) throws Exception {
        ConnectionSettings conn = connection().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20))
                .withRetries(1, Duration.ofSeconds(60));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                outcome.set(EnsureActive.run(EnsureActiveRequest.of(key(), conn)));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "build-under-test");
        build.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!sent.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("the request was not sent within 30 s");
            }
            Thread.sleep(5);
        }
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(build.isAlive());
        return outcome.get();
    }
}
