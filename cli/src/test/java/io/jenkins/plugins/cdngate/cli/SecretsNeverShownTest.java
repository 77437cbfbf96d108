package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A distinctive secret and token go through every kind of run (pass, fail, wrong key, JSON, a profile,
 * an unreachable endpoint, someone trying to pass the secret as an option) and appear in no output.
 */
public class SecretsNeverShownTest {
    static final String ID = "LTAI-test-0201";
    static final String SECRET = "Zq7-SECRET-never-print-0201";
    static final String TOKEN = "Zq7-TOKEN-never-print-0201";
    static final String WRONG_SECRET = "Zq7-WRONG-never-print-0201";

    static CdnEmulator emulator;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(GateExitCodesTest.readyAccount(ID, SECRET));
        emulator.addAccount(GateExitCodesTest.readyAccount("STS-test-0202", SECRET).securityToken(TOKEN));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Test
    public void noRunShowsTheSecretTheTokenOrTheFullAccessKeyId() throws Exception {
        Map<String, String> good = GateExitCodesTest.credentials(ID, SECRET);
        Map<String, String> wrong = GateExitCodesTest.credentials(ID, WRONG_SECRET);
        Map<String, String> sts = Map.of(CredentialResolver.ENV_ID, "STS-test-0202", CredentialResolver.ENV_SECRET, SECRET,
                CredentialResolver.ENV_TOKEN, TOKEN);
        Path profile = ConfigFiles.write(temp.getRoot().toPath().resolve("config.json"),
                ConfigFiles.config("ci", ConfigFiles.akProfile("ci", ID, SECRET)));
        Path broken = ConfigFiles.write(temp.getRoot().toPath().resolve("broken.json"),
                "{\"profiles\":[{\"name\":\"ci\",\"access_key_secret\":\"" + SECRET + "\" \"oops\"");
        String endpoint = emulator.endpoint();
        int closedPort = closedPort();

        List<CliRun> runs = new ArrayList<>();
        runs.add(CliRun.run(good, "ensure-active", "--endpoint", endpoint));
        runs.add(CliRun.run(good, "require-quota", "--endpoint", endpoint, "--min-bytes", "100GiB"));
        runs.add(CliRun.run(good, "require-quota", "--endpoint", endpoint, "--min-bytes", "900GiB", "--json"));
        runs.add(CliRun.run(good, "ensure-active", "--endpoint", endpoint, "--json"));
        runs.add(CliRun.run(wrong, "ensure-active", "--endpoint", endpoint, "--attempts", "1"));
        runs.add(CliRun.run(wrong, "require-quota", "--endpoint", endpoint, "--attempts", "1", "--min-bytes", "1", "--json"));
        runs.add(CliRun.run(sts, "ensure-active", "--endpoint", endpoint));
        runs.add(CliRun.run(sts, "require-quota", "--endpoint", endpoint, "--min-bytes", "1GiB", "--json"));
        runs.add(CliRun.run(Map.of(), "ensure-active", "--endpoint", endpoint, "--profile", "ci",
                "--config-file", profile.toString()));
        runs.add(CliRun.run(Map.of(), "ensure-active", "--endpoint", endpoint, "--profile", "ci",
                "--config-file", broken.toString()));
        runs.add(CliRun.run(good, "ensure-active", "--endpoint", "127.0.0.1:" + closedPort, "--attempts", "1",
                "--connect-timeout", "1s", "--timeout", "1s"));
        runs.add(CliRun.run(Map.of(), "ensure-active", "--access-key-secret", SECRET));
        runs.add(CliRun.run(Map.of(), "ensure-active", "--access-key-secret=" + SECRET));
        runs.add(CliRun.run(Map.of(), "require-quota", SECRET));
        runs.add(CliRun.run(Map.of(), SECRET, "ensure-active"));
        runs.add(CliRun.run(Map.of(CredentialResolver.ENV_SECRET, SECRET), "ensure-active"));

        for (CliRun run : runs) {
            String all = run.all();
            assertFalse(run.toString(), all.contains(SECRET));
            assertFalse(run.toString(), all.contains(WRONG_SECRET));
            assertFalse(run.toString(), all.contains(TOKEN));
            assertFalse(run.toString(), all.contains(ID));
            assertFalse(run.toString(), all.contains("\tat "));
            assertNotEquals(run.toString(), "", all.trim());
        }
        assertTrue(runs.get(0).out.contains("LTAI****0201"));
    }

    @Test
    public void anOptionNamedLikeASecretIsRefusedWithHowToProvideCredentials() {
        CliRun run = CliRun.run(Map.of(), "ensure-active", "--access-key-secret", SECRET);

        assertTrue(run.toString(), run.err.contains("unknown option --access-key-secret and 1 unexpected argument (not shown)"));
        assertTrue(run.toString(), run.err.contains("cdn-gate never takes a secret on the command line"));
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
