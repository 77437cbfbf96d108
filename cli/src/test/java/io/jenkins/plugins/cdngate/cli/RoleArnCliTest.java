package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Role;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** --role-arn end to end: the environment's key assumes the role at the emulator's STS, the gate runs as the role. */
public class RoleArnCliTest {
    static final String ROLE = "acs:ram::1234567890123456:role/deploy";
    static CdnEmulator emulator;

    @BeforeClass
    public static void start() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(Account.create("LTAI-base-0701", "base-secret-0701"));
        Account owner = emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-owner-0702", "owner-secret-0702"));
        emulator.addRole(owner, Role.create(ROLE).trust("LTAI-base-0701").externalId("ext-0701"));
    }

    @AfterClass
    public static void stop() {
        emulator.close();
    }

    private static CliRun run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("require-quota", "--min-bytes", "1GiB", "--endpoint",
                emulator.endpoint(), "--sts-endpoint", emulator.endpoint()));
        args.addAll(List.of(extra));
        return CliRun.run(GateExitCodesTest.credentials("LTAI-base-0701", "base-secret-0701"), args.toArray(new String[0]));
    }

    @Test
    public void roleArnRunsTheGateWithTheRolesTemporaryCredentials() {
        CliRun run = run("--role-arn", ROLE, "--external-id", "ext-0701", "--role-session-name", "release-7",
                "--role-duration", "1800s");

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        String first = run.out.lines().findFirst().orElse("");
        assertTrue(first, first.startsWith("[CDN Gate] require-quota with AccessKey STS.****"));
        assertTrue(first, first.contains(" from RAM role " + ROLE + " (session release-7) assumed with environment variables"
                + " ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (LTAI****0701), valid until "));
        assertTrue(emulator.issuedCredentials().stream().anyMatch(c -> "release-7".equals(c.sessionName())));
    }

    @Test
    public void stsRefusalFailsClosedInOneLineWithExitCode1AndNoCdnCall() {
        long before = emulator.requestCount("DescribeCdnUserResourcePackage");

        CliRun run = run("--role-arn", ROLE, "--external-id", "wrong-ext");

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
        assertTrue(run.toString(), run.out.contains("[CDN Gate] FAIL: Credentials: assuming RAM role " + ROLE
                + " failed with NoPermission (HTTP 403)"));
        assertTrue(run.toString(), run.out.contains("--external-id"));
        // the start line names the key that was used and where it came from, not the role that was refused
        assertEquals(run.toString(), "[CDN Gate] require-quota with AccessKey LTAI****0701 from environment variables"
                + " ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET", run.out.lines().findFirst().orElse(""));
        assertTrue(run.toString(), run.out.contains("Verdict: FAIL"));
        assertEquals(before, emulator.requestCount("DescribeCdnUserResourcePackage"));
        assertFalse(run.toString(), run.all().contains("base-secret-0701"));
    }

    @Test
    public void stsRefusalInJsonIsOneObjectWithTheCodeAndSource() {
        CliRun run = run("--role-arn", "acs:ram::1234567890123456:role/missing", "--json");

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(run.out).getAsJsonObject();
        assertEquals("FAIL", o.get("verdict").getAsString());
        assertEquals("EntityNotExist.Role", o.getAsJsonArray("findings").get(0).getAsJsonObject().get("errorCode").getAsString());
        assertEquals("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET", o.get("credentialSource").getAsString());
        assertTrue(o.get("reason").getAsString(), o.get("reason").getAsString()
                .startsWith("Credentials: assuming RAM role acs:ram::1234567890123456:role/missing failed with EntityNotExist.Role"));
    }

    @Test
    public void badRoleOptionsAreUsageErrorsNamingTheOption() {
        String[][] rows = {
                {"--role-arn", "arn:aws:iam::1:role/x", "--role-arn 'arn:aws:iam::1:role/x' is not of the form"},
                {"--role-session-name", "x", "need --role-arn"},
                {"--role-arn", ROLE, "--role-duration", "60s", "--role-duration 60 s is out of range"},
                {"--role-arn", ROLE, "--role-session-name", "bad name!", "--role-session-name 'bad name!' is not usable"},
        };
        for (String[] row : rows) {
            CliRun run = run(java.util.Arrays.copyOf(row, row.length - 1));
            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertTrue(run.toString(), run.err.contains(row[row.length - 1]));
            assertEquals(run.toString(), 1, run.err.lines().count());
        }
    }

    @Test
    public void configFileOptionIsRefusedInOneLine() {
        CliRun run = CliRun.run(Map.of(), "ensure-active", "--config-file", "/tmp/x.json");

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertTrue(run.err, run.err.startsWith("cdn-gate: --config-file is no longer read: Alibaba's credentials library"));
    }
}
