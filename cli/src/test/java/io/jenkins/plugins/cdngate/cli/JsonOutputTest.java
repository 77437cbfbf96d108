package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.core.ReportJson;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** --json: stdout is exactly one JSON object in core's documented form (docs/report-json.md), whatever the verdict. */
public class JsonOutputTest {
    static CdnEmulator emulator;
    static Map<String, String> env = GateExitCodesTest.credentials("LTAI-test-0401", "test-secret-0401");

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-test-0401", "test-secret-0401"));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Test
    public void requireQuotaJsonCarriesVerdictFactsAndPlans() {
        CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "100GiB", "--json", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        JsonObject json = JsonParser.parseString(run.out).getAsJsonObject();
        assertEquals(ReportJson.SCHEMA, json.get("schema").getAsString());
        assertEquals("require-quota", json.get("gate").getAsString());
        assertEquals("PASS", json.get("verdict").getAsString());
        assertEquals("ENFORCE", json.get("mode").getAsString());
        assertEquals("LTAI****0401", json.get("accessKeyId").getAsString());
        assertEquals(536870912000L, json.get("remainingBytes").getAsLong());
        assertEquals(1, json.getAsJsonArray("plans").size());
        assertTrue(json.getAsJsonArray("plans").get(0).getAsJsonObject().get("counted").getAsBoolean());
        assertFalse(json.getAsJsonArray("findings").isEmpty());
        assertFalse(json.get("reason").getAsString().isBlank());
        assertFalse(run.toString(), run.out.contains("[CDN Gate]"));
        assertEquals("", run.err);
    }

    @Test
    public void failingGateStillPrintsItsJsonAndExits1() {
        CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "1TiB", "--json", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
        assertEquals("FAIL", JsonParser.parseString(run.out).getAsJsonObject().get("verdict").getAsString());
    }

    @Test
    public void ensureActiveJsonCarriesTheServiceFacts() {
        CliRun run = CliRun.run(env, "ensure-active", "--json", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        JsonObject json = JsonParser.parseString(run.out).getAsJsonObject();
        assertEquals("ensure-active", json.get("gate").getAsString());
        JsonObject service = json.getAsJsonObject("service");
        assertEquals("PayByTraffic", service.get("internetChargeType").getAsString());
        assertFalse(service.get("locked").getAsBoolean());
        assertFalse(json.get("activated").getAsBoolean());
    }
}
