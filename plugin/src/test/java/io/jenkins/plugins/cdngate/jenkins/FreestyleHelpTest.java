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
    private static final String[] ENSURE = {"help.html", "help-activate.html", "help-chargeType.html",
            "help-credentialsId.html", "help-endpoint.html", "help-expectedChargeType.html", "help-lockPolicy.html",
            "help-mode.html"};
    private static final String[] QUOTA = {"help.html", "help-credentialsId.html", "help-endpoint.html",
            "help-expiryWarningDays.html", "help-minBytes.html", "help-minRequests.html", "help-mode.html",
            "help-planFilter.html", "help-warnBytes.html"};

    /** Pipeline words and syntax that mean nothing on a freestyle job's form. */
    private static final List<Pattern> PIPELINE_TALK = List.of(
            Pattern.compile("\\bstages?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bnode\\b"),
            Pattern.compile("Pipeline"),
            Pattern.compile("\\b[a-z]+[A-Z]?[a-zA-Z]*: *(true|false|'[^']*'|\\d)"), // activate: false, mode: 'warn'
            Pattern.compile("\\bthe step\\b"),
            // fields by their Java names instead of their names on the form
            Pattern.compile("\\b(minBytes|warnBytes|minRequests|expiryWarningDays|planFilter|credentialsId|chargeType"
                    + "|expectedChargeType|lockPolicy)\\b"));

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
        for (String f : ENSURE) {
            check("EnsureActiveBuilder", f);
        }
        for (String f : QUOTA) {
            check("RequireQuotaBuilder", f);
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
