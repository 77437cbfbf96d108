package io.jenkins.plugins.cdngate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One {@code cdn-gate} invocation in this JVM, with its environment injected and its streams captured. */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(Map<String, String> env, Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CdnGate.run(new CliEnvironment(env, home), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, null, args);
    }

    /** Both streams, for assertions that something appears nowhere. */
    String all() {
        return out + "\n" + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
