package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** --profile end to end: the emulator checks the signature, so a PASS proves the profile's key was used. */
public class ProfileCliTest {
    static CdnEmulator emulator;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-test-0301", "test-secret-0301"));
        emulator.addAccount(GateExitCodesTest.readyAccount("STS-test-0302", "test-secret-0302").securityToken("sts-token-0302"));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Test
    public void akProfileInTheHomeDirectoryPasses() throws Exception {
        Path home = temp.newFolder("home").toPath();
        CredentialResolverTest.write(home.resolve(".aliyun/config.json"), CredentialResolverTest.config(
                CredentialResolverTest.akProfile("default", "LTAI-test-0999", "other"),
                CredentialResolverTest.akProfile("ci", "LTAI-test-0301", "test-secret-0301")));

        CliRun run = CliRun.run(Map.of(), home, "ensure-active", "--profile", "ci", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertTrue(run.toString(), run.out.contains("LTAI****0301"));
    }

    @Test
    public void configFileAloneUsesItsCurrentProfile() throws Exception {
        Path file = CredentialResolverTest.write(temp.getRoot().toPath().resolve("current.json"), CredentialResolverTest.config(
                CredentialResolverTest.akProfile("other", "LTAI-test-0999", "other"),
                CredentialResolverTest.akProfile("default", "LTAI-test-0301", "test-secret-0301")));

        CliRun run = CliRun.run(Map.of(), "ensure-active", "--config-file", file.toString(), "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertTrue(run.toString(), run.out.contains("LTAI****0301"));
    }

    @Test
    public void stsTokenProfilePassesWithItsToken() throws Exception {
        Path file = CredentialResolverTest.write(temp.getRoot().toPath().resolve("sts.json"), CredentialResolverTest.config(
                "{\"name\":\"sts\",\"mode\":\"StsToken\",\"access_key_id\":\"STS-test-0302\","
                        + "\"access_key_secret\":\"test-secret-0302\",\"sts_token\":\"sts-token-0302\"}"));

        CliRun run = CliRun.run(Map.of(CredentialResolver.ENV_CONFIG_FILE, file.toString()),
                "require-quota", "--profile", "sts", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
    }

    @Test
    public void missingProfileIsAConfigurationErrorWithExitCode2() throws Exception {
        Path file = CredentialResolverTest.write(temp.getRoot().toPath().resolve("config.json"),
                CredentialResolverTest.config(CredentialResolverTest.akProfile("ci", "LTAI-test-0301", "test-secret-0301")));
        long requestsBefore = emulator.requestCount();

        CliRun run = CliRun.run(Map.of(), "ensure-active", "--profile", "prod", "--config-file", file.toString(),
                "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertEquals("", run.out);
        assertEquals("cdn-gate: profile 'prod' not found in " + file + " (profiles there: ci): create it with "
                + "'aliyun configure --profile prod'" + System.lineSeparator(), run.err);
        assertEquals("no call without credentials", requestsBefore, emulator.requestCount());
    }

    @Test
    public void badProfileFileIsAConfigurationErrorWithExitCode2() throws Exception {
        Path file = CredentialResolverTest.write(temp.getRoot().toPath().resolve("bad.json"), "{not json");

        CliRun run = CliRun.run(Map.of(), "ensure-active", "--profile", "ci", "--config-file", file.toString());

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertTrue(run.toString(), run.err.startsWith("cdn-gate: aliyun CLI config file " + file + " is not a valid JSON object"));
    }
}
