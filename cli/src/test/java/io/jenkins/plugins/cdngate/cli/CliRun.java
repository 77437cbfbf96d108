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

    /**
     * {@code cdn-gate} in a child JVM with exactly this environment (plus HOME) and these JVM options: what Alibaba's
     * credentials library reads from the process (System.getenv, user.home, the JVM's proxy and trust store) can only
     * be controlled so. A value of null in {@code env} removes a default (ECS metadata off, NO_PROXY=127.0.0.1).
     */
    static CliRun child(Map<String, String> env, Path home, java.util.List<String> jvmOptions, String... args)
            throws java.io.IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CdnGate.class.getName());
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("LANG", "C.UTF-8");
        environment.put("NO_PROXY", "127.0.0.1");
        environment.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        environment.put("HOME", home.toString());
        env.forEach((k, v) -> {
            if (v == null) {
                environment.remove(k);
            } else {
                environment.put(k, v);
            }
        });
        Path out = java.nio.file.Files.createTempFile("cdn-gate-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("cdn-gate-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("cdn-gate did not finish: " + command);
            }
            return new CliRun(process.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
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
