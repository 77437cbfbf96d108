package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.USERNAME_PASSWORD_CREDENTIALS;
import static org.junit.Assert.assertEquals;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import java.time.Duration;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Both freestyle build steps, their forms, and the global configuration page. */
public class CdnGateFreestyleTest {
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

    private EnsureActiveBuilder ensureActive(String credentialsId) {
        EnsureActiveBuilder b = new EnsureActiveBuilder();
        b.setCredentialsId(credentialsId);
        b.setEndpoint(emu.endpoint());
        return b;
    }

    private RequireQuotaBuilder requireQuota(String minBytes) {
        RequireQuotaBuilder b = new RequireQuotaBuilder(minBytes);
        b.setCredentialsId(ACCESS_KEY_CREDENTIALS);
        b.setEndpoint(emu.endpoint());
        return b;
    }

    private FreeStyleBuild build(Result expected, hudson.tasks.Builder builder) throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("deploy");
        p.getBuildersList().add(builder);
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    public void ensureActiveBuilderPassesOnAHealthyAccount() throws Exception {
        FreeStyleBuild b = build(Result.SUCCESS, ensureActive(ACCESS_KEY_CREDENTIALS));
        r.assertLogContains("[CDN Gate] Verdict: PASS", b);
        r.assertLogNotContains(SECRET, b);
    }

    @Test
    public void ensureActiveBuilderAcceptsUsernamePasswordCredentials() throws Exception {
        build(Result.SUCCESS, ensureActive(USERNAME_PASSWORD_CREDENTIALS));
    }

    @Test
    public void ensureActiveBuilderFailsALockedServiceWithoutStackTrace() throws Exception {
        emu.account(KEY_ID).locks("financial");
        FreeStyleBuild b = build(Result.FAILURE, ensureActive(ACCESS_KEY_CREDENTIALS));
        r.assertLogContains("financial", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    public void ensureActiveBuilderWithUnstableLockPolicyMarksTheBuildUnstable() throws Exception {
        emu.account(KEY_ID).locks("financial");
        EnsureActiveBuilder builder = ensureActive(ACCESS_KEY_CREDENTIALS);
        builder.setLockPolicy("unstable");
        FreeStyleBuild b = build(Result.UNSTABLE, builder);
        r.assertLogContains("WARNING: [CDN Gate] ", b);
    }

    @Test
    public void requireQuotaBuilderPassesWithEnoughLeft() throws Exception {
        FreeStyleBuild b = build(Result.SUCCESS, requireQuota("100GiB"));
        r.assertLogContains("[CDN Gate] Verdict: PASS", b);
    }

    @Test
    public void requireQuotaBuilderFailsBelowTheMinimum() throws Exception {
        FreeStyleBuild b = build(Result.FAILURE, requireQuota("1TiB"));
        r.assertLogContains("[CDN Gate] ", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    public void requireQuotaBuilderExpandsBuildVariables() throws Exception {
        // given a plan filter naming a build variable: ${JOB_NAME} expands, and 'mainland' still matches the plan
        RequireQuotaBuilder builder = requireQuota("100GiB");
        builder.setPlanFilter("mainland|${JOB_NAME}");
        build(Result.SUCCESS, builder);
    }

    @Test
    public void missingCredentialsFailTheFreestyleBuildNamingTheId() throws Exception {
        FreeStyleBuild b = build(Result.FAILURE, ensureActive("no-such-key"));
        r.assertLogContains("Credentials 'no-such-key' not found", b);
    }

    @Test
    public void buildersSurviveAConfigurationRoundtrip() throws Exception {
        EnsureActiveBuilder ensure = ensureActive(ACCESS_KEY_CREDENTIALS);
        ensure.setActivate(false);
        ensure.setChargeType("PayByBandwidth");
        ensure.setExpectedChargeType("PayByTraffic");
        ensure.setLockPolicy("unstable");
        ensure.setMode("warn");
        r.assertEqualDataBoundBeans(ensure, r.configRoundtrip(ensure));

        RequireQuotaBuilder quota = requireQuota("500GiB");
        quota.setWarnBytes("1TiB");
        quota.setMinRequests("1000000");
        quota.setPlanFilter("mainland");
        quota.setExpiryWarningDays(7);
        quota.setMode("warn");
        r.assertEqualDataBoundBeans(quota, r.configRoundtrip(quota));
    }

    @Test
    public void globalConfigurationSurvivesARoundtrip() throws Exception {
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.setCredentialsId(ACCESS_KEY_CREDENTIALS);
        config.setEndpoint("cdn.example.test");
        config.setConnectTimeoutSeconds(3);
        config.setReadTimeoutSeconds(7);
        config.setMaxAttempts(2);
        config.setDeadlineSeconds(30);
        config.setRateLimited(false);
        config.setOpenPerSecond(2);
        config.setDescribePerSecond(10);
        config.setCoalescing(false);
        config.setCacheTtlSeconds(15);

        r.configRoundtrip();

        CdnGateConfiguration after = CdnGateConfiguration.get();
        assertEquals(ACCESS_KEY_CREDENTIALS, after.getCredentialsId());
        assertEquals("cdn.example.test", after.getEndpoint());
        assertEquals(3, after.getConnectTimeoutSeconds());
        assertEquals(7, after.getReadTimeoutSeconds());
        assertEquals(2, after.getMaxAttempts());
        assertEquals(30, after.getDeadlineSeconds());
        assertEquals(false, after.isRateLimited());
        assertEquals(2.0, after.getOpenPerSecond(), 0.0);
        assertEquals(10.0, after.getDescribePerSecond(), 0.0);
        assertEquals(false, after.isCoalescing());
        assertEquals(15, after.getCacheTtlSeconds());
    }

    @Test
    public void globalCallPolicyReachesTheSharedCallGovernor() {
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.setRateLimited(false);
        config.setOpenPerSecond(2);
        config.setDescribePerSecond(10);
        config.setCoalescing(false);
        config.setCacheTtlSeconds(15);
        assertEquals(new GovernorSettings(false, 2, 10, false, Duration.ofSeconds(15)),
                CallGovernor.shared().settings());
    }

    @Test
    public void minBytesCheckAnswersWithTheHumanSize() throws Exception {
        RequireQuotaStep.DescriptorImpl d = r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class);
        assertEquals("= 500.0 GiB", d.doCheckMinBytes("500GiB").getMessage());
        assertEquals(hudson.util.FormValidation.Kind.ERROR, d.doCheckMinBytes("").kind);
        assertEquals(hudson.util.FormValidation.Kind.ERROR, d.doCheckMinBytes("500 parsecs").kind);
    }
}
