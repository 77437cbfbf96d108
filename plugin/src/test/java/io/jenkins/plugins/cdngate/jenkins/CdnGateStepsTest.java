package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.MASKED_KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.USERNAME_PASSWORD_CREDENTIALS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;

/** The Pipeline steps in sandboxed scripts, against the emulated CDN API. */
public class CdnGateStepsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private CdnEmulator emu;

    @Before
    public void startEmulatorAndAddCredentials() throws Exception {
        emu = GateFixture.startEmulator();
        emu.addAccount(GateFixture.healthyAccount());
        GateFixture.addBothCredentialTypes();
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    private int jobs;

    private WorkflowRun run(Result expected, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy-" + ++jobs);
        // sandbox = true: the returned map must be readable without any script approval
        job.setDefinition(new CpsFlowDefinition(script.replace("EMULATOR", emu.endpoint()), true));
        return r.buildAndAssertStatus(expected, job);
    }

    @Test
    public void ensureActiveReturnsVerdictAndFactsAsAPlainMap() throws Exception {
        // given a healthy account; when
        WorkflowRun b = run(Result.SUCCESS, "def r = cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR'\n"
                + "echo \"verdict=${r.verdict} charge=${r.service.internetChargeType} key=${r.accessKeyId} "
                + "activated=${r.activated} locks=${r.service.operationLocks.size()}\"");
        // then
        r.assertLogContains("verdict=PASS charge=PayByTraffic key=" + MASKED_KEY_ID + " activated=false locks=0", b);
        r.assertLogContains("[CDN Gate] Verdict: PASS", b);
    }

    @Test
    public void requireQuotaReturnsRemainingBytesAndPlans() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "def r = cdnRequireQuota minBytes: '100GiB', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\n"
                + "echo \"verdict=${r.verdict} bytes=${r.remainingBytes} plans=${r.plans.size()} "
                + "first=${r.plans[0].instanceId}\"");
        r.assertLogContains("verdict=PASS bytes=" + (500 * GateFixture.GIB) + " plans=1 first=FP-0001", b);
    }

    @Test
    public void belowWarnBytesMarksStageAndBuildUnstableAndThePipelineGoesOn() throws Exception {
        // given 500 GiB left; when the gate warns below 1 TiB
        WorkflowRun b = run(Result.UNSTABLE, "stage('gate') {\n"
                + "  def r = cdnRequireQuota minBytes: '100GiB', warnBytes: '1TiB', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\n"
                + "  echo \"after the gate: ${r.verdict}\"\n"
                + "}");
        // then the build is UNSTABLE, the step's node carries the warning (so its stage shows unstable),
        // a WARNING line says why, and the script went on
        r.assertLogContains("after the gate: UNSTABLE", b);
        r.assertLogContains("WARNING: [CDN Gate] ", b);
        WarningAction warning = findWarning(b);
        assertNotNull("a node carries a WarningAction", warning);
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertTrue(warning.getMessage(), warning.getMessage().startsWith("[CDN Gate] "));
    }

    @Test
    public void lockedServiceFailsWithOneLineAndNoStackTrace() throws Exception {
        emu.account(KEY_ID).locks("financial");
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR'\necho 'not reached'");
        r.assertLogContains("financial", b);
        r.assertLogContains("[CDN Gate] ", b);
        r.assertLogNotContains("not reached", b);
        r.assertLogNotContains("\tat ", b);
        r.assertLogNotContains("AbortException", b);
    }

    @Test
    public void inactiveServiceIsActivatedAndReportedSo() throws Exception {
        emu.account(KEY_ID).activated(false);
        WorkflowRun b = run(Result.SUCCESS, "def r = cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR'\necho \"activated=${r.activated}\"");
        r.assertLogContains("activated=true", b);
        assertTrue(emu.account(KEY_ID).isActivated());
        assertEquals(1, emu.requestCount(CdnEmulator.OPEN_CDN_SERVICE));
    }

    @Test
    public void inactiveServiceFailsWhenActivationIsNotAllowed() throws Exception {
        emu.account(KEY_ID).activated(false);
        run(Result.FAILURE, "cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR', activate: false");
        assertEquals(0, emu.requestCount(CdnEmulator.OPEN_CDN_SERVICE));
    }

    @Test
    public void warnModeTurnsAFailIntoUnstable() throws Exception {
        WorkflowRun b = run(Result.UNSTABLE, "def r = cdnRequireQuota minBytes: '1TiB', mode: 'warn', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\necho \"verdict=${r.verdict}\"");
        r.assertLogContains("verdict=UNSTABLE", b);
    }

    @Test
    public void usernamePasswordCredentialsAreAcceptedToo() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "def r = cdnEnsureActive credentialsId: '"
                + USERNAME_PASSWORD_CREDENTIALS + "', endpoint: 'EMULATOR'\necho \"verdict=${r.verdict}\"");
        r.assertLogContains("verdict=PASS", b);
    }

    @Test
    public void missingCredentialsFailNamingTheIdAndTheAcceptedTypes() throws Exception {
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: 'no-such-key', endpoint: 'EMULATOR'");
        r.assertLogContains("Credentials 'no-such-key' not found", b);
        r.assertLogContains("accepted types: 'Alibaba Cloud AccessKey', or 'Username with password'", b);
        r.assertLogNotContains("\tat ", b);
        assertEquals("no call without credentials", 0, emu.requestCount());
    }

    @Test
    public void wrongTypedCredentialsFailNamingTheIdAndTheAcceptedTypes() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new OtherCredentials("some-token"));
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: 'some-token', endpoint: 'EMULATOR'");
        r.assertLogContains("Credentials 'some-token' are of type 'Some other secret'", b);
        r.assertLogContains("accepted types: 'Alibaba Cloud AccessKey', or 'Username with password'", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    public void stepsFallBackToTheGlobalDefaults() throws Exception {
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.setCredentialsId(ACCESS_KEY_CREDENTIALS);
        config.setEndpoint(emu.endpoint());
        WorkflowRun b = run(Result.SUCCESS, "def a = cdnEnsureActive()\n"
                + "def q = cdnRequireQuota minBytes: '1GiB'\necho \"verdicts=${a.verdict},${q.verdict}\"");
        r.assertLogContains("verdicts=PASS,PASS", b);
    }

    @Test
    public void badSizeFailsWithOneLineBeforeAnyCall() throws Exception {
        WorkflowRun b = run(Result.FAILURE, "cdnRequireQuota minBytes: '500 parsecs', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'");
        r.assertLogContains("[CDN Gate] minBytes: size '500 parsecs'", b);
        r.assertLogNotContains("\tat ", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void chargeTypeTheApiRejectsFailsWithOneLineBeforeAnyCall() throws Exception {
        // given a service that is not activated; when the step asks to open it billed by bandwidth, which
        // OpenCdnService refuses (only PayByTraffic), or expects a billing method that does not exist
        emu.account(KEY_ID).activated(false);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("chargeType: 'PayByBandwidth'", refused(() -> EnsureActiveRequest.chargeType("PayByBandwidth")));
        cases.put("chargeType: 'bogus'", refused(() -> EnsureActiveRequest.chargeType("bogus")));
        cases.put("expectedChargeType: 'bogus'", refused(() -> EnsureActiveRequest.expectedChargeType("bogus")));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                    + "', endpoint: 'EMULATOR', " + c.getKey() + "\necho 'not reached'");
            // then the step fails on its input alone with core's one line: no request at all (above all no
            // OpenCdnService), no report, no stack trace
            r.assertLogContains("[CDN Gate] " + c.getValue(), b);
            r.assertLogNotContains("Verdict:", b);
            r.assertLogNotContains("not reached", b);
            r.assertLogNotContains("\tat ", b);
            assertEquals(c.getKey(), 0, emu.requestCount());
            assertFalse(emu.account(KEY_ID).isActivated());
        }
    }

    private static String refused(ThrowingRunnable check) {
        return assertThrows(IllegalArgumentException.class, check).getMessage();
    }

    @Test
    public void endpointTheGateCannotUseFailsWithOneLineBeforeAnyLookup() throws Exception {
        WorkflowRun b = run(Result.FAILURE, "cdnRequireQuota minBytes: '1GiB', credentialsId: 'no-such-key', "
                + "endpoint: 'http://example.com'");
        // one line from the endpoint parse, before the (missing) credentials are even looked up; no FAIL report
        r.assertLogContains("[CDN Gate] " + CdnGateFreestyleTest.endpointError("http://example.com"), b);
        r.assertLogNotContains("Credentials 'no-such-key'", b);
        r.assertLogNotContains("Verdict:", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    public void unusableGlobalSettingFailsTheGateWithOneLineNamingIt() throws Exception {
        // given a global value no gate can run with, set the way Configuration as Code sets it (setter only)
        CdnGateConfiguration.get().setConnectTimeoutSeconds(0);
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR'");
        r.assertLogContains("[CDN Gate] Global configuration (Manage Jenkins > System > Alibaba Cloud CDN Gate): "
                + "Connect timeout (seconds) must be at least 1, not 0", b);
        r.assertLogNotContains("\tat ", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void countWithAThousandsSeparatorFailsWithOneLineBeforeAnyCall() throws Exception {
        // given '1,000', which reads as a thousand or as one depending on the locale: refused, as sizes are
        WorkflowRun b = run(Result.FAILURE, "cdnRequireQuota minBytes: '1GiB', minRequests: '1,000', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'");
        r.assertLogContains("[CDN Gate] minRequests: " + refused(() -> Counts.parse("1,000")), b);
        r.assertLogNotContains("\tat ", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void secretAndFullKeyIdNeverAppearInTheLog() throws Exception {
        // given one passing gate and one failing on a wrong secret (the emulator rejects the signature)
        SystemCredentialsProvider.getInstance().getCredentials().add(new AlibabaCloudAccessKeyCredentialsImpl(
                CredentialsScope.GLOBAL, "wrong-secret", null, KEY_ID, Secret.fromString("test-secret-9999")));
        WorkflowRun b = run(Result.FAILURE, "cdnRequireQuota minBytes: '1GiB', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\n"
                + "cdnEnsureActive credentialsId: 'wrong-secret', endpoint: 'EMULATOR'");
        // then
        r.assertLogContains(MASKED_KEY_ID, b);
        r.assertLogNotContains(SECRET, b);
        r.assertLogNotContains("test-secret-9999", b);
        r.assertLogNotContains(KEY_ID, b);
    }

    /** Walks the flow graph from its heads, as Pipeline views do, to the node that carries the warning. */
    private static WarningAction findWarning(WorkflowRun b) {
        Deque<FlowNode> todo = new ArrayDeque<>(b.getExecution().getCurrentHeads());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (!seen.add(node.getId())) {
                continue;
            }
            WarningAction warning = node.getPersistentAction(WarningAction.class);
            if (warning != null) {
                return warning;
            }
            todo.addAll(node.getParents());
        }
        return null;
    }

    /** A credential of a type the gates do not accept. */
    public static class OtherCredentials extends BaseStandardCredentials {
        private static final long serialVersionUID = 1L;

        public OtherCredentials(String id) {
            super(CredentialsScope.GLOBAL, id, "not an AccessKey");
        }

        @TestExtension("wrongTypedCredentialsFailNamingTheIdAndTheAcceptedTypes")
        public static class DescriptorImpl extends CredentialsDescriptor {
            @Override
            public String getDisplayName() {
                return "Some other secret";
            }
        }
    }

    // --- issue 8 item 9: numbers and text for sizes and counts ---

    @Test
    public void requireQuotaTakesSizesAndCountsAsNumbersAsPipelineUsersWriteThem() throws Exception {
        // given 500 GiB and 2,000,000 requests left
        emu.account(KEY_ID).plan(io.jenkins.plugins.cdngate.emulator.Plan.httpsRequests("RP-0001", "HTTPS requests",
                2_000_000, 2_000_000, "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
        // when the numbers are Groovy numbers (Integer, Long) in a sandboxed Pipeline
        WorkflowRun b = run(Result.SUCCESS, "def r = cdnRequireQuota minBytes: 1073741824, warnBytes: 10737418240,"
                + " minRequests: 1000000, credentialsId: '" + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\n"
                + "echo \"verdict=${r.verdict}\"");
        // then
        r.assertLogContains("verdict=PASS", b);
        r.assertLogNotContains("ClassCastException", b);
    }

    @Test
    public void requireQuotaTakesSizesAndCountsAsTextToo() throws Exception {
        emu.account(KEY_ID).plan(io.jenkins.plugins.cdngate.emulator.Plan.httpsRequests("RP-0001", "HTTPS requests",
                2_000_000, 2_000_000, "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
        WorkflowRun b = run(Result.SUCCESS, "def r = cdnRequireQuota minBytes: '1GiB', warnBytes: '10GiB',"
                + " minRequests: '1000000', credentialsId: '" + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\n"
                + "echo \"verdict=${r.verdict}\"");
        r.assertLogContains("verdict=PASS", b);
    }

    @Test
    public void aBadNumberIsOneLineWithoutAStackTrace() throws Exception {
        String[][] cases = {
                {"minBytes: 1.5", "[CDN Gate] minBytes: size '1.5' is 1.5 bytes, not a whole number of bytes"},
                {"minBytes: -5", "[CDN Gate] minBytes: size '-5' is negative"},
                {"minBytes: '1GiB', minRequests: 2.5", "[CDN Gate] minRequests: count '2.5' is not a whole number"},
                {"minBytes: 99999999999999999999", "too large"},
        };
        for (String[] c : cases) {
            WorkflowRun b = run(Result.FAILURE, "cdnRequireQuota " + c[0] + ", credentialsId: '"
                    + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\necho 'not reached'");
            r.assertLogContains(c[1], b);
            r.assertLogNotContains("not reached", b);
            r.assertLogNotContains("Exception", b);
            r.assertLogNotContains("\tat ", b);
        }
    }

    @Test
    public void theFreestyleBuildStepTakesNumbersTooWhenCalledFromPipeline() throws Exception {
        // the build step through the generic step meta-step (SimpleBuildStep, no workspace needed)
        WorkflowRun b = run(Result.SUCCESS, "step([$class: 'RequireQuotaBuilder', minBytes: 1073741824, credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'])");
        r.assertLogContains("[CDN Gate] Verdict: PASS", b);
    }

    @Test
    public void theSnippetGeneratorStillWritesSizesAndCountsAsText() {
        RequireQuotaStep step = new RequireQuotaStep("500GiB");
        step.setWarnBytes("1TiB");
        step.setMinRequests("1000000");
        String snippet = org.jenkinsci.plugins.workflow.cps.Snippetizer.object2Groovy(step);
        assertTrue(snippet, snippet.startsWith("cdnRequireQuota "));
        assertTrue(snippet, snippet.contains("minBytes: '500GiB'"));
        assertTrue(snippet, snippet.contains("warnBytes: '1TiB'"));
        assertTrue(snippet, snippet.contains("minRequests: '1000000'"));
    }

    // --- issue 8 item 3: an abort while OpenCdnService is on its way ---

    @Test
    public void anAbortWhileOpenCdnServiceIsInFlightSaysTheActivationOutcomeIsUnknown() throws Exception {
        // given a not activated account whose OpenCdnService never answers
        emu.account(KEY_ID).activated(false);
        emu.inject("OpenCdnService", io.jenkins.plugins.cdngate.emulator.Fault.noAnswer());
        // a read timeout far beyond the 5 s after which the timeout step aborts, so the request is still on its way
        CdnGateConfiguration.get().setReadTimeoutSeconds(50);
        // when the step is aborted while the request is on its way (the timeout step interrupts it after 5 s; the
        // request is sent at once)
        WorkflowRun b = run(Result.ABORTED, "timeout(time: 5, unit: 'SECONDS') {\n"
                + "  cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR'\n"
                + "}");
        // then
        assertEquals(1, emu.requests().stream().filter(q -> q.action().equals("OpenCdnService")).count());
        r.assertLogContains("[CDN Gate] " + io.jenkins.plugins.cdngate.core.Interruptions.ACTIVATION_UNKNOWN, b);
        r.assertLogNotContains("nothing was verified", b);
    }
}
