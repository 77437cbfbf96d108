package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.GIB;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** What a build stored about its gates survives a restart of Jenkins: plain fields in build.xml, drawn again. */
public class CdnGateRestartTest {
    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    private CdnEmulator emu;

    @Before
    public void startEmulator() {
        emu = GateFixture.startEmulator();
        emu.addAccount(GateFixture.usedAccount(400));
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    @Test
    public void theBuildsGateReportAndTheJobsTrendSurviveARestart() throws Throwable {
        String[] picture = new String[1];
        sessions.then(r -> {
            GateFixture.addBothCredentialTypes();
            WorkflowJob job = r.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition("stage('quota') {\n  cdnRequireQuota minBytes: '100GiB', "
                    + "credentialsId: '" + ACCESS_KEY_CREDENTIALS + "', endpoint: '" + emu.endpoint() + "'\n}", true));
            r.buildAndAssertSuccess(job);
            r.buildAndAssertSuccess(job);
            picture[0] = r.createWebClient().goTo("job/p/2/cdn-gate/picture?call=1", "image/svg+xml")
                    .getWebResponse().getContentAsString();
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun b = job.getBuildByNumber(2);
            CdnGateRunAction action = b.getAction(CdnGateRunAction.class);
            assertNotNull("the action was stored with the build", action);
            GateCall call = action.getCalls().get(0);
            assertEquals("PASS", call.getVerdict());
            assertEquals(Long.valueOf(400 * GIB), call.getRemainingBytes());
            assertTrue(call.getPlace(), call.getPlace().startsWith("stage 'quota'"));
            JenkinsRule.WebClient wc = r.createWebClient();
            assertEquals("the same picture, drawn again from the stored numbers", picture[0],
                    wc.goTo("job/p/2/cdn-gate/picture?call=1", "image/svg+xml").getWebResponse().getContentAsString());
            assertEquals("the trend keeps one point per build", 2,
                    job.getAction(CdnGateJobAction.class).getPoints().size());
            assertTrue(wc.goTo("job/p/").getWebResponse().getContentAsString().contains("cdn-gate-trend/picture"));
        });
    }
}
