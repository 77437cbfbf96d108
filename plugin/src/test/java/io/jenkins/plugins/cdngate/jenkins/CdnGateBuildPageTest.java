package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.GIB;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.core.picture.TrendPoint;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Instant;
import java.util.List;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Issue #9 section 4: each gate call on the build page, the whole report, the job page's trend, history. */
public class CdnGateBuildPageTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private CdnEmulator emu;

    @Before
    public void startEmulatorAndAddCredentials() throws Exception {
        emu = GateFixture.startEmulator();
        emu.addAccount(GateFixture.usedAccount(400));
        GateFixture.addBothCredentialTypes();
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    private String quota(String minBytes) {
        return "cdnRequireQuota minBytes: '" + minBytes + "', credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: '" + emu.endpoint() + "'";
    }

    private WorkflowJob job(String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static String content(Page page) {
        return page.getWebResponse().getContentAsString();
    }

    @Test
    public void aPipelineGateAddsItsReportWithPictureToTheBuildPage() throws Exception {
        WorkflowRun b = r.buildAndAssertSuccess(job("p", "stage('quota') {\n  " + quota("100GiB") + "\n}"));

        CdnGateRunAction action = b.getAction(CdnGateRunAction.class);
        assertNotNull("the gate added its report to the build", action);
        assertEquals(1, action.getCalls().size());
        GateCall call = action.getCalls().get(0);
        assertEquals("PASS", call.getVerdict());
        assertEquals(Long.valueOf(400 * GIB), call.getRemainingBytes());
        assertTrue(call.getPlace(), call.getPlace().startsWith("stage 'quota', step "));
        assertNotNull("a plan used since January has a pace", call.getDaysLeftText());

        JenkinsRule.WebClient wc = r.createWebClient();
        String buildPage = content(wc.goTo(b.getUrl()));
        assertTrue("summary box", buildPage.contains("CDN Gate #1 require-quota"));
        assertTrue("remaining in the box", buildPage.contains("Remaining data transfer: 400.0 GiB"));
        assertTrue("the picture, as an image the action serves", buildPage.contains("cdn-gate/picture?call=1"));
        assertFalse(buildPage.contains(SECRET));

        Page svg = wc.goTo(b.getUrl() + "cdn-gate/picture?call=1", "image/svg+xml");
        String picture = content(svg);
        assertTrue(picture, picture.contains("<svg"));
        assertFalse("no script in the picture", picture.contains("<script"));

        String whole = content(wc.goTo(b.getUrl() + "cdn-gate/"));
        assertTrue("the whole report, as the console printed it", whole.contains("Verdict: PASS"));
        assertTrue(whole.contains("picture?call=1"));

        // as a browser shows them: the report keeps its lines (Jelly trims the whitespace between them), and the
        // summary's reason does not run into the verdict ("PASS- 400.0 GiB ...")
        String shownReport = wc.goTo(b.getUrl() + "cdn-gate/").getDocumentElement().asNormalizedText();
        assertTrue(shownReport, shownReport.contains("\n[CDN Gate] Verdict: PASS"));
        assertFalse(shownReport, shownReport.contains(")[CDN Gate]"));
        String shownBuild = wc.goTo(b.getUrl()).getDocumentElement().asNormalizedText();
        assertTrue(shownBuild, shownBuild.contains(": PASS\n" + call.getReason()));
    }

    @Test
    public void twoGatesInOneBuildAreKeptApart() throws Exception {
        WorkflowRun b = r.buildAndAssertSuccess(job("p", "stage('service') {\n  cdnEnsureActive credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: '" + emu.endpoint() + "'\n}\n"
                + "stage('quota') {\n  " + quota("100GiB") + "\n}"));

        List<GateCall> calls = b.getAction(CdnGateRunAction.class).getCalls();
        assertEquals(2, calls.size());
        assertEquals(1, calls.get(0).getOrdinal());
        assertEquals("ensure-active", calls.get(0).getGate());
        assertTrue(calls.get(0).getPlace(), calls.get(0).getPlace().startsWith("stage 'service'"));
        assertFalse("ensure-active has no quota picture", calls.get(0).hasPicture());
        assertNull(calls.get(0).snapshot());
        assertEquals(2, calls.get(1).getOrdinal());
        assertTrue(calls.get(1).getPlace(), calls.get(1).getPlace().startsWith("stage 'quota'"));

        JenkinsRule.WebClient wc = r.createWebClient();
        wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
        assertEquals(404, wc.goTo(b.getUrl() + "cdn-gate/picture?call=1", null).getWebResponse().getStatusCode());
        assertEquals(200, wc.goTo(b.getUrl() + "cdn-gate/picture?call=2", null).getWebResponse().getStatusCode());
        assertEquals(404, wc.goTo(b.getUrl() + "cdn-gate/picture?call=3", null).getWebResponse().getStatusCode());
        String page = content(wc.goTo(b.getUrl()));
        assertTrue(page.contains("CDN Gate #1 ensure-active"));
        assertTrue(page.contains("CDN Gate #2 require-quota"));
    }

    @Test
    public void aFreestyleGateAddsItsReportToo() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("f");
        RequireQuotaBuilder builder = new RequireQuotaBuilder("100GiB");
        builder.setCredentialsId(ACCESS_KEY_CREDENTIALS);
        builder.setEndpoint(emu.endpoint());
        p.getBuildersList().add(builder);
        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        CdnGateRunAction action = b.getAction(CdnGateRunAction.class);
        assertNotNull(action);
        assertEquals(1, action.getCalls().size());
        assertNull("a freestyle step has no stage", action.getCalls().get(0).getPlace());
        JenkinsRule.WebClient wc = r.createWebClient();
        assertTrue(content(wc.goTo(b.getUrl())).contains("cdn-gate/picture?call=1"));
        assertTrue(content(wc.goTo(b.getUrl() + "cdn-gate/picture?call=1", "image/svg+xml")).contains("<svg"));
    }

    @Test
    public void aFailingGateStillShowsOnTheBuildPage() throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job("p", quota("1TiB")));

        GateCall call = b.getAction(CdnGateRunAction.class).getCalls().get(0);
        assertEquals("FAIL", call.getVerdict());
        assertTrue(content(r.createWebClient().goTo(b.getUrl())).contains(call.getPlace() + ": FAIL"));
    }

    @Test
    public void aPoolWhoseLastPlanEndsWithCapacityLeftIsNeverSaidToRunOut() throws Exception {
        // 400 GiB left after 100 GiB used since January: at that pace the plan ends on 2027-01-01 long before it is
        // used up, so the data transfer lasts until then and the rest expires; nothing "runs out"
        emu.account(KEY_ID).plans(List.of(Plan.dataTransfer("FP-0001", "CDN data transfer plan (Chinese mainland)",
                400 * GIB, 500 * GIB, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")));
        WorkflowJob job = job("p", quota("100GiB"));
        r.buildAndAssertSuccess(job);
        WorkflowRun b = r.buildAndAssertSuccess(job);

        JenkinsRule.WebClient wc = r.createWebClient();
        String box = wc.goTo(b.getUrl()).getDocumentElement().asNormalizedText();
        assertTrue(box, box.contains("At that pace the data transfer lasts until 2027-01-01T00:00:00Z, "));
        assertTrue(box, box.contains("expires unused"));
        assertFalse(box, box.contains("runs out"));
        String picture = content(wc.goTo(b.getUrl() + "cdn-gate/picture?call=1", "image/svg+xml"));
        assertFalse(picture, picture.contains("runs out"));
        String jobPage = wc.goTo(job.getUrl()).getDocumentElement().asNormalizedText();
        assertTrue(jobPage, jobPage.contains("the data transfer lasts until 2027-01-01T00:00:00Z"));
        String trend = content(wc.goTo(job.getUrl() + "cdn-gate-trend/picture", "image/svg+xml"));
        assertFalse("the drain ends with a drop, not at zero", trend.contains("reaches zero"));
    }

    @Test
    public void theJobPageShowsATrendWithOnePointPerBuild() throws Exception {
        WorkflowJob job = job("p", quota("100GiB"));
        long[] remaining = {450, 420, 400};
        for (long gib : remaining) {
            emu.account(KEY_ID).plans(List.of(GateFixture.usedPlan(gib)));
            r.buildAndAssertSuccess(job);
        }

        List<TrendPoint> points = job.getAction(CdnGateJobAction.class).getPoints();
        assertEquals("one point per build", 3, points.size());
        for (int i = 0; i < remaining.length; i++) {
            assertEquals("#" + (i + 1), points.get(i).label());
            assertEquals(remaining[i] * GIB, points.get(i).remainingBytes());
        }
        JenkinsRule.WebClient wc = r.createWebClient();
        String jobPage = content(wc.goTo(job.getUrl()));
        assertTrue("the trend on the job page", jobPage.contains("cdn-gate-trend/picture"));
        assertTrue("its projected run-out date", jobPage.contains("; the data transfer runs out "));
        String trend = content(wc.goTo(job.getUrl() + "cdn-gate-trend/picture", "image/svg+xml"));
        assertTrue(trend, trend.contains("<svg"));
        assertFalse(trend.contains("<script"));
    }

    @Test
    public void buildsWithoutAGateRenderFineAndAreNoPoint() throws Exception {
        WorkflowJob job = job("p", "echo 'no gate in this build'");
        WorkflowRun before = r.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition(quota("100GiB"), true));
        r.buildAndAssertSuccess(job);

        assertNull(before.getAction(CdnGateRunAction.class));
        JenkinsRule.WebClient wc = r.createWebClient();
        assertFalse(content(wc.goTo(before.getUrl())).contains("CDN Gate #"));
        assertEquals(1, job.getAction(CdnGateJobAction.class).getPoints().size());
        assertTrue(content(wc.goTo(job.getUrl())).contains("cdn-gate-trend/picture"));
    }

    @Test
    public void aJobWithoutGatesShowsNoTrend() throws Exception {
        WorkflowJob job = job("p", "echo 'no gate'");
        r.buildAndAssertSuccess(job);
        assertFalse(content(r.createWebClient().goTo(job.getUrl())).contains("cdn-gate-trend/picture"));
    }

    @Test
    public void earlierBuildsReadingsOfTheSamePoolAreTheGatesHistory() throws Exception {
        WorkflowJob job = job("p", quota("100GiB"));
        emu.account(KEY_ID).plans(List.of(GateFixture.usedPlan(450)));
        WorkflowRun first = r.buildAndAssertSuccess(job);
        emu.account(KEY_ID).plans(List.of(GateFixture.usedPlan(420)));
        WorkflowRun second = r.buildAndAssertSuccess(job);

        GateCall firstCall = first.getAction(CdnGateRunAction.class).getCalls().get(0);
        String poolKey = second.getAction(CdnGateRunAction.class).getCalls().get(0).getPoolKey();
        assertEquals("the same credentials, endpoint and filter are the same pool", firstCall.getPoolKey(), poolKey);
        List<Reading> history = CdnGateJobAction.history(second, poolKey, Instant.now());
        assertEquals(List.of(firstCall.reading()), history);
        assertEquals(450 * GIB, history.get(0).remainingBytes());
        assertEquals("another pool's readings are not this one's history", List.of(),
                CdnGateJobAction.history(second, poolKey + "other", Instant.now()));
        assertEquals("readings older than 30 days are left out", List.of(),
                CdnGateJobAction.history(second, poolKey, Instant.now().plus(java.time.Duration.ofDays(31))));
    }

    @Test
    public void daysLeftThresholdsReachTheGate() throws Exception {
        // 100 GiB used since 2026-01-01 leaves 400 GiB for years at that pace: far below 100000 days, above 1 day
        WorkflowRun failed = r.buildAndAssertStatus(Result.FAILURE, job("fail", quota("1GiB") + ", minDaysLeft: 100000"));
        r.assertLogContains("are required", failed);
        WorkflowRun unstable = r.buildAndAssertStatus(Result.UNSTABLE,
                job("warn", quota("1GiB") + ", minDaysLeft: 1, warnDaysLeft: 100000"));
        r.assertLogContains("below the warning level of 100000 days", unstable);
        WorkflowRun bad = r.buildAndAssertStatus(Result.FAILURE,
                job("bad", quota("1GiB") + ", minDaysLeft: 10, warnDaysLeft: 5"));
        r.assertLogContains("[CDN Gate] warnDaysLeft (5) must be at least minDaysLeft (10)", bad);
        assertNull("refused before any call: nothing to show", bad.getAction(CdnGateRunAction.class));
    }
}
