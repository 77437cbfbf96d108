package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Fault;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A CI cancels a job with SIGTERM (Jenkins, GitLab, GitHub Actions), a person with Ctrl-C (SIGINT): the real
 * process, in its own JVM, says it was interrupted and exits 130. The emulator never answers, so the gate is
 * surely waiting on the API when the signal comes; the start line on stdout says the gate has begun.
 */
public class InterruptedRunTest {
    static CdnEmulator emulator;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-test-0401", "test-secret-0401"));
        emulator.inject("*", Fault.noAnswer());
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Test
    public void sigtermPrintsOneLineAndExits130() throws Exception {
        interruptWith("TERM");
    }

    @Test
    public void sigintPrintsOneLineAndExits130() throws Exception {
        // A shell without job control starts background commands with SIGINT ignored, and a child inherits that:
        // the JVM then never sees Ctrl-C, which is the environment, not cdn-gate (SIGTERM is never ignored so).
        Assume.assumeFalse("SIGINT is ignored in this test JVM, so in the child too", ignored(2));
        interruptWith("INT");
    }

    private void interruptWith(String signal) throws Exception {
        Path stderr = temp.newFile("stderr-" + signal).toPath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CdnGate.class.getName(),
                "ensure-active", "--endpoint", emulator.endpoint(), "--timeout", "5m", "--deadline", "10m", "--attempts", "1")
                .redirectError(stderr.toFile());
        builder.environment().put(CredentialResolver.ENV_ID, "LTAI-test-0401");
        builder.environment().put(CredentialResolver.ENV_SECRET, "test-secret-0401");
        builder.environment().put("NO_PROXY", "127.0.0.1");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertEquals(signal, "[CDN Gate] ensure-active with AccessKey LTAI****0401 from environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET", first);

            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();

            assertTrue(signal + " did not end the gate", process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(signal, ExitCodes.INTERRUPTED, process.exitValue());
            assertEquals(signal, null, out.readLine());
            assertEquals(signal, CdnGate.INTERRUPTED_LINE + System.lineSeparator(), Files.readString(stderr));
        } finally {
            process.destroyForcibly();
        }
    }

    /** Whether this process ignores the signal (Linux /proc; elsewhere assumed not). */
    private static boolean ignored(int signal) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return new java.math.BigInteger(line.substring("SigIgn:".length()).trim(), 16).testBit(signal - 1);
            }
        }
        return false;
    }
}
