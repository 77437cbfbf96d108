package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Test;

/**
 * Java 17 decodes the command line with the locale's character set: under LANG=C a non-ASCII argument arrives as
 * U+FFFD, and a --plan-filter '中国' would silently match no plan. Such an argument is refused (not shown: it may be
 * a secret in the wrong place), naming the locale and the fix.
 */
public class UndecodableArgumentTest {
    /** Each row: the locale variables; the one they name. */
    private static final String[][] LOCALES = {
            {"LANG", "C", null, null, "LANG=C"},
            {"LANG", "en_US.UTF-8", "LC_ALL", "POSIX", "LC_ALL=POSIX"},
            {"LC_CTYPE", "C", null, null, "LC_CTYPE=C"},
            {null, null, null, null, "LANG/LC_ALL unset"},
    };

    @Test
    public void anArgumentWithAReplacementCharacterIsRefusedNamingTheLocale() {
        for (String[] row : LOCALES) {
            Map<String, String> env = new java.util.HashMap<>();
            if (row[0] != null) {
                env.put(row[0], row[1]);
            }
            if (row[2] != null) {
                env.put(row[2], row[3]);
            }

            CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "1", "--plan-filter", "\uFFFD\uFFFD\uFFFD");

            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertEquals(run.toString(), "", run.out);
            assertEquals("cdn-gate: an argument could not be decoded in this locale (" + row[4]
                    + "): run with LC_ALL=C.UTF-8" + System.lineSeparator(), run.err);
        }
    }

    /** The real thing: UTF-8 bytes on the command line of a JVM started under LC_ALL=C. */
    @Test
    public void aJvmUnderTheCLocaleRefusesANonAsciiArgument() throws Exception {
        Assume.assumeTrue("needs /bin/sh", Path.of("/bin/sh").toFile().canExecute());
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
                "exec \"$0\" -cp \"$1\" " + CdnGate.class.getName()
                        + " require-quota --min-bytes 1 --plan-filter \"$(printf '\\344\\270\\255\\345\\233\\275')\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"));
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);

            assertEquals(output, ExitCodes.USAGE, process.exitValue());
            assertEquals("cdn-gate: an argument could not be decoded in this locale (LC_ALL=C): run with LC_ALL=C.UTF-8\n",
                    output);
        } finally {
            process.destroyForcibly();
        }
    }
}
