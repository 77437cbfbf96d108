package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Fault;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 8 item 3: a CI job cancelled (SIGTERM) while OpenCdnService is on the wire. Activation cannot be undone, so the
 * line on stderr says an activation request was sent and its outcome is unknown, with what to check; it never says
 * "nothing was verified" as if nothing had happened.
 */
public class InterruptedActivationRunTest {
    private static final String ID = "LTAI-test-0402";
    static CdnEmulator emulator;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(Account.create(ID, "test-secret-0402"));
        emulator.inject("OpenCdnService", Fault.noAnswer());
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Test
    public void sigtermWhileOpenCdnServiceIsInFlightSaysTheActivationOutcomeIsUnknown() throws Exception {
        Path stderr = temp.newFile("stderr").toPath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CdnGate.class.getName(),
                "ensure-active", "--endpoint", emulator.endpoint(), "--timeout", "5m", "--deadline", "10m", "--attempts", "1")
                .redirectError(stderr.toFile());
        builder.environment().put(CredentialResolver.ENV_ID, ID);
        builder.environment().put(CredentialResolver.ENV_SECRET, "test-secret-0402");
        builder.environment().put("NO_PROXY", "127.0.0.1");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("[CDN Gate] ensure-active with AccessKey LTAI****0402 from environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET", out.readLine());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (emulator.requests().stream().noneMatch(r -> r.action().equals("OpenCdnService"))) {
                if (System.nanoTime() - end > 0) {
                    fail("OpenCdnService was not sent");
                }
                Thread.sleep(10);
            }

            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();

            assertTrue("SIGTERM did not end the gate", process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(ExitCodes.INTERRUPTED, process.exitValue());
            String err = Files.readString(stderr);
            assertEquals(err, 1, err.lines().count());
            assertTrue(err, err.startsWith("[CDN Gate] interrupted while activating CDN"));
            assertTrue(err, err.contains("activation request (OpenCdnService) was sent and its outcome is unknown"));
            assertTrue(err, err.contains("Alibaba Cloud console"));
            assertFalse(err, err.contains("nothing was verified"));
        } finally {
            process.destroyForcibly();
        }
    }
}
