package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The demo's HTML report as a person sees it: opened in headless Chromium (Debian's {@code chromium} package), its
 * rendered DOM holds the bars and the numbers, and its screenshot shows the bars in their colours.
 *
 * <p>Without Chromium the test is skipped on a developer's machine, but it fails when {@value #REQUIRED} is set:
 * {@code .ci/run} installs Chromium when it is missing and sets that variable, so CI can never pass it silently.
 * {@code CHROMIUM} names another binary (default {@code /usr/bin/chromium}, else {@code chromium} on the PATH).
 */
public class ReportInChromiumTest {
    static final String REQUIRED = "CDN_GATE_REQUIRE_CHROMIUM";

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static String chromium;
    static Path report;

    @BeforeClass
    public static void demoReport() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            if (System.getenv(REQUIRED) != null && !System.getenv(REQUIRED).isBlank()) {
                fail(REQUIRED + " is set but no Chromium was found (install the Debian package: apt-get install -y chromium,"
                        + " or set CHROMIUM to its path)");
            }
            Assume.assumeTrue("Chromium not installed (apt-get install -y chromium); set " + REQUIRED
                    + "=1 to make this a failure", false);
        }
        report = tmp.getRoot().toPath().resolve("demo-report.html");
        CliRun run = CliRun.run(Map.of(), "demo", "--report", report.toString());
        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
    }

    @Test
    public void theRenderedPageHoldsOneBarPerPlanThePoolBarAndTheNumbers() throws Exception {
        String dom = chromium("--dump-dom", report.toUri().toString());

        assertTrue(dom, dom.contains("<svg"));
        // the pool bar and one bar per plan (two data-transfer plans, one request plan), each with its used part
        assertEquals(dom, 4, count(dom, "class=\"cdngate-left\""));
        assertEquals(dom, 4, count(dom, "class=\"cdngate-used\""));
        assertEquals(1, count(dom, "class=\"cdngate-left\" data-role=\"pool\""));
        for (String number : List.of("550.0 GiB left (49%)", "Left 550.0 GiB (590558003200 bytes)",
                "500.0 GiB left (49%)", "50.0 GiB left (50%)", "8,000,000 left (80%)", "Left 8,000,000 requests",
                DemoCommand.LARGE_PLAN, DemoCommand.ENDING_PLAN, DemoCommand.REQUEST_PLAN)) {
            assertTrue(number + " in\n" + dom, dom.contains(number));
        }
        assertTrue(dom, dom.contains("data-gate=\"ensure-active\" data-verdict=\"PASS\""));
        assertTrue(dom, dom.contains("data-gate=\"require-quota\" data-verdict=\"UNSTABLE\""));
        assertFalse("the page runs no script", dom.toLowerCase().contains("<script"));
    }

    @Test
    public void theScreenshotShowsTheBarsInTheirColours() throws Exception {
        Path png = tmp.getRoot().toPath().resolve("report.png");
        chromium("--screenshot=" + png, "--window-size=1000,2200", "--force-color-profile=srgb",
                "--hide-scrollbars", report.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        // the solid parts: the pool (green, the quota is above its levels), the data-transfer plans (blue) and the
        // request plan (purple), each hundreds of pixels wide and about 20 high
        assertTrue("green pool bar", pixels(image, 0x1a7f37) > 5_000);
        assertTrue("blue plan bars", pixels(image, 0x0969da) > 10_000);
        assertTrue("purple request plan bar", pixels(image, 0x8250df) > 5_000);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 3
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 3) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Runs headless Chromium with the given arguments; returns its stdout. */
    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory(tmp.getRoot().toPath(), "profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a guard against a hung browser, not a timing assertion
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("Chromium did not finish: " + Files.readString(err));
        }
        assertEquals(Files.readString(err), 0, p.exitValue());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String findChromium() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return new File(configured).canExecute() ? configured : null;
        }
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, "chromium");
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }
}
