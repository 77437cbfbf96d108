package io.jenkins.plugins.cdngate.jenkins;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Issue 8 item 10: the freestyle build steps' help speaks of freestyle (the build is marked unstable, later build
 * steps still run, fields by their names on the form), never of stages, {@code node} or Pipeline syntax, and reads as
 * whole sentences. Plain JUnit over the help files: no Jenkins needed.
 */
public class FreestyleHelpTest {
    /** Every help file of a build step, found in its resource folder, so a help file added later is checked too. */
    private static List<String> helpFiles(String owner) throws IOException {
        java.net.URL dir = FreestyleHelpTest.class.getResource(owner);
        assertNotNull(owner, dir);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("help") && n.endsWith(".html")).sorted().toList();
            assertTrue(owner + " has help files", names.size() > 5);
            return names;
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Pipeline words and syntax that mean nothing on a freestyle job's form. */
    private static final List<Pattern> PIPELINE_TALK = List.of(
            Pattern.compile("\\bstages?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bnode\\b"),
            Pattern.compile("pipeline", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b[a-z]+[A-Z]?[a-zA-Z]*: *(true|false|'[^']*'|\\d)"), // activate: false, mode: 'warn'
            Pattern.compile("\\bthe step\\b"),
            // fields by their Java names instead of their names on the form
            Pattern.compile("\\b(minBytes|warnBytes|minRequests|expiryWarningDays|planFilter|credentialsId|chargeType"
                    + "|expectedChargeType|lockPolicy|minDaysLeft|warnDaysLeft|roleArn)\\b"));

    private static String read(String owner, String file) throws IOException {
        try (InputStream in = FreestyleHelpTest.class.getResourceAsStream(owner + "/" + file)) {
            assertNotNull(owner + "/" + file, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
                .replaceAll("\\s+", " ").trim();
    }

    @Test
    public void freestyleHelpHasNoPipelineTalk() throws IOException {
        for (String owner : List.of("EnsureActiveBuilder", "RequireQuotaBuilder")) {
            for (String f : helpFiles(owner)) {
                check(owner, f);
            }
        }
    }

    private static void check(String owner, String file) throws IOException {
        String t = text(read(owner, file));
        for (Pattern p : PIPELINE_TALK) {
            assertFalse(owner + "/" + file + " matches " + p + ": " + t, p.matcher(t).find());
        }
        // whole sentences: no punctuation left alone after a space (a broken sentence), no doubled punctuation
        assertFalse(owner + "/" + file + ": " + t, Pattern.compile("\\s[;,.]").matcher(t).find());
        assertFalse(owner + "/" + file + ": " + t, Pattern.compile("[;,]\\s*[;,.]").matcher(t).find());
    }

    @Test
    public void theBuildStepHelpSaysWhatUnstableAndFailDoToAFreestyleBuild() throws IOException {
        for (String owner : List.of("EnsureActiveBuilder", "RequireQuotaBuilder")) {
            String t = text(read(owner, "help.html"));
            assertTrue(owner + ": " + t, t.contains("marks the build unstable"));
            assertTrue(owner + ": " + t, t.contains("later build steps still run"));
            assertTrue(owner + ": " + t, t.contains("fails the build"));
            assertTrue(owner + ": " + t, t.contains("Mode"));
        }
        String quota = text(read("RequireQuotaBuilder", "help.html"));
        assertTrue(quota, quota.contains("Minimum remaining data transfer"));
        assertTrue(quota, quota.contains("Warn below"));
        String ensure = text(read("EnsureActiveBuilder", "help.html"));
        assertTrue(ensure, ensure.contains("Activate when not active"));
    }
}
