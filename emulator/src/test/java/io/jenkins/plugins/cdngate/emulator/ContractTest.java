package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/**
 * The Emulator contract other modules code against (COMMON.md), written out as it is used there. If a
 * name here stops compiling, every other module's tests break too.
 */
public class ContractTest {

    @Test
    public void theContractAsOtherModulesUseIt() throws Exception {
        try (CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().port(0).rateLimits(false))) {
            String instanceId = "CDNHTTPSBAG-0001";
            Account a = emu.addAccount(Account.create("LTAI-test-0001", "test-secret-0001")
                    .activated(false)
                    .chargeType("PayByTraffic")
                    .openingTime("2024-02-28T13:11:49Z")
                    .changing("PayByBandwidth", "2026-11-23T16:00:00Z")
                    .locks("financial")
                    .plan(Plan.dataTransfer("FP-0001", "CDN data transfer plan (Chinese mainland)", 536870912000L,
                            536870912000L, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
                    .plan(new Plan(instanceId, "cdnhttpsbag", "HTTPS requests", "CDN HTTPS request plan", "valid",
                            "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "9000000", "10000000"))
                    .openError("InsufficientBalance")
                    .deny("DescribeCdnService", "Forbidden.RAM")
                    .securityToken("sts-token-1")
                    .notActivatedCode("OperationDenied"));

            assertSame(a, emu.account("LTAI-test-0001"));
            assertTrue(emu.endpoint().matches("127\\.0\\.0\\.1:\\d+"));
            assertEquals(Integer.parseInt(emu.endpoint().split(":")[1]), emu.port());
            emu.inject("DescribeCdnService", Fault.status500().times(2));
            for (Fault f : List.of(Fault.latency(1), Fault.noAnswer(), Fault.closeConnection(), Fault.status500(),
                    Fault.status503(), Fault.html502(), Fault.empty200(), Fault.malformedJson(), Fault.missingFields(),
                    Fault.wrongTypes(), Fault.throttle().probability(0.5, 7))) {
                emu.inject("*", f);
            }
            emu.clearFaults();
            assertEquals("InsufficientBalance", Sdk.of(emu, "LTAI-test-0001", "test-secret-0001")
                    .code("OpenCdnService", "InternetChargeType", "PayByTraffic"));
            List<RecordedRequest> log = emu.requests();
            RecordedRequest r = log.get(0);
            assertEquals("OpenCdnService", r.action());
            assertEquals("LTAI-test-0001", r.accessKeyId());
            assertEquals("POST", r.method());
            assertEquals(400, r.status());
            assertEquals("InsufficientBalance", r.code());
            assertTrue(r.nanoTime() != 0);
            assertEquals(1, emu.requestCount("OpenCdnService"));
            emu.clearRequests();
            assertEquals(0, emu.requestCount("OpenCdnService"));
        }
    }
}
