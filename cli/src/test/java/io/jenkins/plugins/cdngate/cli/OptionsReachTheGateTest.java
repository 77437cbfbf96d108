package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The connection and governor options are not just parsed: they reach the gate. */
public class OptionsReachTheGateTest {
    static CdnEmulator emulator;
    static Map<String, String> env = GateExitCodesTest.credentials("LTAI-test-0501", "test-secret-0501");

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-test-0501", "test-secret-0501"));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @After
    public void restoreDefaults() {
        emulator.clearFaults();
        CallGovernor.shared().configure(GovernorSettings.defaults());
    }

    @Test
    public void governorOptionsConfigureTheProcessWideGovernor() {
        CliRun run = CliRun.run(env, "ensure-active", "--endpoint", emulator.endpoint(), "--no-rate-limit",
                "--rate-limit-open", "2", "--rate-limit-describe", "12", "--no-coalescing", "--cache-ttl", "5s");

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertEquals(new GovernorSettings(false, 2, 12, false, Duration.ofSeconds(5)), CallGovernor.shared().settings());
    }

    @Test
    public void defaultsGiveTheDocumentedGovernorSettings() {
        CliRun run = CliRun.run(env, "ensure-active", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertEquals(GovernorSettings.defaults(), CallGovernor.shared().settings());
    }

    @Test
    public void readTimeoutOptionBoundsEachRequestAndFailsClosed() {
        emulator.inject(CdnEmulator.DESCRIBE_CDN_SERVICE, Fault.latency(700).times(1));

        CliRun run = CliRun.run(env, "ensure-active", "--endpoint", emulator.endpoint(), "--timeout", "200ms",
                "--attempts", "1");

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
        assertTrue(run.toString(), run.out.contains("SDK.ReadTimeout"));
    }

    /** A request check only core makes still reaches a CLI user in option names, never core's parameter names. */
    @Test
    public void coreParameterNamesAreShownAsOptionNames() {
        org.junit.Assert.assertEquals("--warn-bytes (1.0 GiB) must be at least --min-bytes (2.0 GiB); "
                        + "--expected-charge-type 'x' is not accepted; --charge-type; --attempts; --plan-filter",
                GateCommand.optionNames("warnBytes (1.0 GiB) must be at least minBytes (2.0 GiB); "
                        + "expectedChargeType 'x' is not accepted; chargeType; maxAttempts; planFilter"));
        org.junit.Assert.assertEquals("minBytesX --min-bytes", GateCommand.optionNames("minBytesX minBytes"));
    }
}
