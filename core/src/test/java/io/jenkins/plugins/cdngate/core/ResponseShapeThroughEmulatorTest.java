package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Fault;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.util.function.Supplier;
import org.junit.Test;

/** Body-mangling faults on 200 answers, through the SDK: never a PASS, never a crash. */
public class ResponseShapeThroughEmulatorTest extends EmulatorFixture {

    /** fault name -> fault */
    private static final Object[][] BAD_BODIES = {
            {"empty200", (Supplier<Fault>) Fault::empty200},
            {"malformedJson", (Supplier<Fault>) Fault::malformedJson},
            {"missingFields", (Supplier<Fault>) Fault::missingFields},
            {"wrongTypes", (Supplier<Fault>) Fault::wrongTypes},
    };

    @SuppressWarnings("unchecked")
    private static Fault fault(Object[] row) {
        return ((Supplier<Fault>) row[1]).get();
    }

    @Test
    public void describeServiceBodiesThatCannotBeReadFailClosed() throws Exception {
        for (Object[] row : BAD_BODIES) {
            freshKey();
            account().activated(true);
            emu.inject("DescribeCdnService", fault(row));
            Report r = EnsureActive.run(ensure());
            assertEquals(row[0] + ": " + r.reason(), Verdict.FAIL, r.verdict());
            assertTrue(row[0] + ": " + r.reason(), r.reason().contains("[Code CdnGate.MalformedResponse"));
            assertEquals(row[0] + " is not retried", 1, count("DescribeCdnService"));
            emu.clearFaults();
        }
    }

    @Test
    public void openBodiesThatCannotBeReadFailClosed() throws Exception {
        for (Object[] row : BAD_BODIES) {
            freshKey();
            account();
            emu.inject("OpenCdnService", fault(row));
            Report r = EnsureActive.run(ensure());
            assertEquals(row[0] + ": " + r.reason(), Verdict.FAIL, r.verdict());
            assertTrue(row[0] + ": " + r.reason(), r.reason().contains("Could not activate CDN"));
            emu.clearFaults();
        }
    }

    @Test
    public void planBodiesThatCannotBeReadNeverPass() throws Exception {
        for (Object[] row : BAD_BODIES) {
            freshKey();
            account().activated(true).plan(Plan.dataTransfer("FP-1", "p", 536870912000L, 536870912000L,
                    "2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
            emu.inject("DescribeCdnUserResourcePackage", fault(row));
            Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 0));
            assertNotEquals(row[0] + ": " + r.reason(), Verdict.PASS, r.verdict());
            emu.clearFaults();
        }
    }

    @Test
    public void planWithCapacitiesOfTheWrongTypeIsListedNotCounted() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnUserResourcePackage", Fault.wrongTypes());
        Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 1));
        assertEquals(Verdict.FAIL, r.verdict());
        ResourcePlan p = r.plans().get(0);
        assertEquals("FP-wrongtypes", p.instanceId());
        assertFalse(p.counted());
        assertTrue(p.note(), p.note().contains("CurrCapacity is not a number"));
        assertTrue(p.note(), p.note().contains("InitCapacity is not a number"));
    }

    @Test
    public void planListWithoutRequestIdFailsWithTheMalformedCode() throws Exception {
        account().activated(true);
        emu.inject("DescribeCdnUserResourcePackage", Fault.missingFields());
        Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 0));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("no RequestId"));
        assertTrue(r.reason(), r.reason().contains("[Code CdnGate.MalformedResponse"));
    }
}
