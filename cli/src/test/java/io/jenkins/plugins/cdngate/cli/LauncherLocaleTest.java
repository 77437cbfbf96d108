package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The {@code ./cdn-gate} launcher gives the JVM a UTF-8 locale when the current one is not, so non-ASCII arguments
 * arrive intact. A copy of the launcher runs next to an empty jar (nothing to build) with a stand-in {@code java}
 * that prints the LC_ALL it was given; no JVM is started.
 */
public class LauncherLocaleTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path launcher;
    private Path bin;

    @Before
    public void copyTheLauncher() throws Exception {
        Path original = Path.of(System.getProperty("user.dir")).resolveSibling("cdn-gate");
        Assume.assumeTrue("the launcher is next to the cli module", Files.isRegularFile(original));
        Assume.assumeTrue("needs bash", Files.isExecutable(Path.of("/bin/bash")));
        Path root = temp.getRoot().toPath();
        launcher = Files.copy(original, root.resolve("cdn-gate"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.createFile(root.resolve("cli/target/cdn-gate.jar"));
        bin = Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"LC_ALL=[${LC_ALL:-}]\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    public void aNonUtf8LocaleBecomesCUtf8() throws Exception {
        assertEquals("LC_ALL=[C.UTF-8]", launch(Map.of("LANG", "C"), true));
        assertEquals("LC_ALL=[C.UTF-8]", launch(Map.of("LC_ALL", "POSIX", "LANG", "en_US.UTF-8"), true));
        assertEquals("LC_ALL=[C.UTF-8]", launch(Map.of(), true));
    }

    @Test
    public void withoutTheLocaleCommandTheVariablesDecide() throws Exception {
        // only what the launcher needs besides `locale`
        for (String tool : new String[] {"bash", "dirname", "find"}) {
            for (String dir : new String[] {"/usr/bin", "/bin"}) {
                if (Files.isExecutable(Path.of(dir, tool)) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), Path.of(dir, tool));
                }
            }
        }

        assertEquals("LC_ALL=[C.UTF-8]", launch(Map.of("LANG", "C"), false));
        assertEquals("LC_ALL=[]", launch(Map.of("LANG", "en_US.UTF-8"), false));
        assertEquals("LC_ALL=[C.utf8]", launch(Map.of("LC_ALL", "C.utf8"), false));
    }

    private String launch(Map<String, String> locale, boolean systemPath) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", launcher.toString(), "demo");
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().putAll(locale);
        builder.environment().remove("CDN_GATE_JAVA_OPTS");
        builder.environment().put("PATH", bin + (systemPath ? ":/usr/bin:/bin" : ""));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(30, TimeUnit.SECONDS);
            assertEquals(output, 0, process.exitValue());
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
