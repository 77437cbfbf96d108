package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The accounts file (the complete example in docs/emulator.md must load) and the standalone runner. */
public class AccountsFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The first ```json block after the "## The accounts file" heading of docs/emulator.md. */
    static String documentedExample() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "emulator.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("## The accounts file");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    public void theDocumentedExampleLoadsEveryField() throws Exception {
        AccountsJson.Contents c = AccountsJson.parse(documentedExample());

        assertEquals(3, c.accounts().size());
        Account demo = c.accounts().get(0);
        assertTrue(demo.isActivated());
        assertEquals("aliuid-demo-0001", demo.instanceId());
        assertEquals("PayByBandwidth", demo.changingChargeType());
        assertEquals(2, demo.plans().size());
        assertEquals("closed", demo.plans().get(1).status());
        assertEquals("NoPermission", demo.deniedCode("DescribeCdnUserResourcePackage"));
        assertTrue(demo.hasSecurityToken());
        Account env = c.accounts().get(1);
        assertEquals("demo-secret-0002", env.accessKeySecret());
        assertEquals("InsufficientBalance", env.openError());
        assertEquals("OperationDenied", env.notActivatedCode());
        assertEquals(2, c.faults().size());
        assertEquals(3, c.faults().get(0).fault().times());
    }

    @Test
    public void standaloneRunnerServesTheFileToTheSdk() throws Exception {
        Path file = tmp.newFile("accounts.json").toPath();
        Files.writeString(file, "{\"accounts\":[{\"accessKeyId\":\"LTAI-test-0001\",\"accessKeySecret\":"
                + "\"test-secret-0001\",\"activated\":true,\"locks\":[\"financial\"]}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (CdnEmulator emu = EmulatorMain.start(EmulatorMain.parse(new String[] {"--port", "0", "--accounts",
                file.toString()}), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertEquals("financial", Sdk.of(emu, "LTAI-test-0001", "test-secret-0001").call("DescribeCdnService")
                    .getAsJsonObject("OperationLocks").getAsJsonArray("LockReason").get(0).getAsJsonObject()
                    .get("LockReason").getAsString());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed, printed.startsWith("[CDN Gate] emulator listening on http://127.0.0.1:"));
            assertTrue(printed, printed.contains("LTAI****0001"));
            assertFalse(printed, printed.contains("LTAI-test-0001"));
            assertFalse(printed, printed.contains("test-secret-0001"));
        }
    }

    @Test
    public void problemsAreOneLineAndNameTheCulpritWithoutTheSecret() {
        String[][] cases = {
                {"{\"accounts\":[{\"accessKeyId\":\"LTAI-test-0001\",\"accessKeySecret\":\"s3cr3t-0001\","
                        + "\"lock\":[]}]}", "unknown key 'lock'"},
                {"{\"accounts\":[{\"accessKeyId\":\"LTAI-test-0001\"}]}", "accessKeySecret or accessKeySecretEnv is required"},
                {"{\"accounts\":[{\"accessKeyId\":\"LTAI-test-0001\",\"accessKeySecret\":\"s3cr3t-0001\","
                        + "\"openError\":\"Nope\"}]}", "Not a documented OpenCdnService error: Nope"},
                {"{\"accounts\":[{\"accessKeyId\":\"LTAI-test-0001\",\"accessKeySecret\":\"s3cr3t-0001\","
                        + "\"activated\":\"yes\"}]}", "activated must be true or false"},
                {"{\"faults\":[{\"action\":\"DeleteCdnDomain\",\"fault\":\"status500\"}]}", "unknown action 'DeleteCdnDomain'"},
                {"{\"faults\":[{\"fault\":\"status500\",\"times\":0}]}", "times must be >= 1"},
                {"[1,2]", "the file must be a JSON object"},
                {"{\"accounts\":", "not valid JSON"},
        };
        for (String[] c : cases) {
            try {
                AccountsJson.parse(c[0]);
                fail("accepted: " + c[0]);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(c[1]));
                assertFalse(e.getMessage(), e.getMessage().contains("\n"));
                assertFalse(e.getMessage(), e.getMessage().contains("s3cr3t-0001"));
            }
        }
    }

    @Test
    public void malformedJsonNamesWhereNotGsonsAdvice() {
        try {
            AccountsJson.parse("{\"accounts\": [ {\"accessKeyId\" \"LTAI-test-0001\"} ]}");
            fail("accepted malformed JSON");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().matches("not valid JSON at line 1 column \\d+"));
        }
    }

    @Test
    public void aCommandLineProblemAndTheUsageShareOneLine() {
        String line = EmulatorMain.usageError("unknown option '--frobnicate'");

        assertTrue(line, line.startsWith("[CDN Gate] unknown option '--frobnicate'; usage: java -jar"));
        assertFalse(line, line.contains("\n"));
    }

    @Test
    public void missingFileIsNamed() {
        try {
            AccountsJson.readFile(Path.of("no-such-accounts.json"));
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("Accounts file not found: no-such-accounts.json", e.getMessage());
        }
    }

    @Test
    public void commandLineProblemsAreOneLine() {
        String[][] cases = {{"--port", "http"}, {"--frobnicate"}, {"--accounts"}, {"--port", "70000"},
                {"--metadata-hardened"}};
        for (String[] argv : cases) {
            try {
                EmulatorMain.parse(argv);
                fail(String.join(" ", argv));
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage().contains("\n"));
            }
        }
        try {
            // a switch that would silently do nothing is refused, naming what it needs
            EmulatorMain.parse(new String[] {"--metadata-hardened"});
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("--metadata-hardened needs --metadata HOST:PORT", e.getMessage());
        }
        EmulatorMain.Args args = EmulatorMain.parse(new String[] {"--port", "18080", "--no-rate-limits"});
        assertEquals(18080, args.port());
        assertFalse(args.rateLimits());
    }
}
