package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

/**
 * An Error (OutOfMemoryError, StackOverflowError, LinkageError) in the command is a defect of cdn-gate: one line,
 * exit 4, never a stack trace, and never the "interrupted" line of a cancelled job. The home directory is the
 * injection point: a Path whose every method throws, reached when the profile is looked up.
 */
public class InternalErrorTest {
    private static final String[] ARGS = {"require-quota", "--min-bytes", "0", "--endpoint", "127.0.0.1:1"};

    private static Path throwing(Error error) {
        return (Path) Proxy.newProxyInstance(InternalErrorTest.class.getClassLoader(), new Class<?>[] {Path.class},
                (proxy, method, args) -> {
                    throw error;
                });
    }

    @Test
    public void anErrorInTheCommandIsOneLineAndExitCode4() {
        Error[] errors = {new StackOverflowError(), new OutOfMemoryError("Java heap space"), new NoClassDefFoundError("x/Y")};
        String[] names = {"StackOverflowError", "OutOfMemoryError: Java heap space", "NoClassDefFoundError: x/Y"};
        for (int i = 0; i < errors.length; i++) {
            CliRun run = CliRun.run(Map.of(CredentialResolver.ENV_PROFILE, "ci"), throwing(errors[i]), ARGS);

            assertEquals(run.toString(), ExitCodes.INTERNAL_ERROR, run.exitCode);
            assertEquals(run.toString(), "", run.out);
            assertEquals("cdn-gate: internal error (" + names[i] + "); nothing was verified, do not deploy"
                    + System.lineSeparator(), run.err);
        }
    }

    @Test
    public void aFinishedRunIsMarkedFinishedSoTheShutdownHookDoesNotSayInterrupted() {
        AtomicBoolean finished = new AtomicBoolean();
        StringWriter err = new StringWriter();

        int code = CdnGate.runToEnd(finished, new CliEnvironment(Map.of(CredentialResolver.ENV_PROFILE, "ci"),
                throwing(new StackOverflowError())), new PrintWriter(new StringWriter()), new PrintWriter(err), ARGS);

        assertEquals(ExitCodes.INTERNAL_ERROR, code);
        assertTrue("the shutdown hook would claim a signal", finished.get());
        assertTrue(err.toString(), !err.toString().contains("interrupted"));
    }
}
