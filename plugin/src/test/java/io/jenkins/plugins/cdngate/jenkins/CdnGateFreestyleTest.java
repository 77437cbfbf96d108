package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.USERNAME_PASSWORD_CREDENTIALS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.Endpoint;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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
        ensure.setChargeType("PayByTraffic");
        ensure.setExpectedChargeType("PayByBandwidth");
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
    public void submittedCallPolicyReachesTheSharedCallGovernor() throws Exception {
        // given the page's submit binding these values; when it is applied
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.applyForm(() -> {
            config.setRateLimited(false);
            config.setOpenPerSecond(2);
            config.setDescribePerSecond(10);
            config.setCoalescing(false);
            config.setCacheTtlSeconds(15);
        });
        // then
        assertEquals(new GovernorSettings(false, 2, 10, false, Duration.ofSeconds(15)),
                CallGovernor.shared().settings());
    }

    @Test
    public void callPolicySetWithoutTheFormReachesTheGovernorWhenAGateRuns() throws Exception {
        // given values set through the setters only, as Configuration as Code does (no configure, no save)
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.setOpenPerSecond(3);
        config.setDescribePerSecond(12);
        config.setCacheTtlSeconds(20);
        // when a gate runs
        build(Result.SUCCESS, ensureActive(ACCESS_KEY_CREDENTIALS));
        // then it ran under them
        assertEquals(new GovernorSettings(true, 3, 12, true, Duration.ofSeconds(20)),
                CallGovernor.shared().settings());
    }

    @Test
    public void settersNeitherSaveNorRefuse() throws Exception {
        // given a saved configuration
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.applyForm(() -> config.setEndpoint("cdn.example.test"));
        // when a setter takes a value no gate can use
        config.setEndpoint("other.example.test");
        config.setConnectTimeoutSeconds(0);
        // then it neither threw nor saved: the file still holds the submitted configuration
        config.load();
        assertEquals("cdn.example.test", config.getEndpoint());
        assertEquals(5, config.getConnectTimeoutSeconds());
    }

    @Test
    public void refusedSubmitKeepsEveryValueAndSavesNothing() throws Exception {
        // given a saved configuration
        CdnGateConfiguration config = CdnGateConfiguration.get();
        config.applyForm(() -> {
            config.setEndpoint("cdn.example.test");
            config.setMaxAttempts(2);
        });
        // when a submit carries a good endpoint, a good attempt count and an impossible rate
        Descriptor.FormException refused = assertThrows(Descriptor.FormException.class, () -> config.applyForm(() -> {
            config.setEndpoint("other.example.test");
            config.setMaxAttempts(6);
            config.setOpenPerSecond(0);
        }));
        // then one message names the field as the page labels it, and nothing of that submit is kept or saved
        assertEquals("openPerSecond", refused.getFormField());
        assertEquals("OpenCdnService calls per second must be above 0, not 0.0", refused.getMessage());
        assertEquals("cdn.example.test", config.getEndpoint());
        assertEquals(2, config.getMaxAttempts());
        assertEquals(5.0, config.getOpenPerSecond(), 0.0);
        config.load();
        assertEquals("cdn.example.test", config.getEndpoint());
        assertEquals(2, config.getMaxAttempts());
    }

    @Test
    public void submitWithABadEndpointIsRefusedWithTheGatesMessage() {
        CdnGateConfiguration config = CdnGateConfiguration.get();
        Descriptor.FormException refused = assertThrows(Descriptor.FormException.class,
                () -> config.applyForm(() -> config.setEndpoint("ftp://x")));
        assertEquals("endpoint", refused.getFormField());
        assertEquals("Default endpoint: " + endpointError("ftp://x"), refused.getMessage());
        assertNull(config.getEndpoint());
    }

    @Test
    public void endpointChecksOfEveryFormAnswerWithTheGatesParse() throws Exception {
        // given an administrator and a job (who else gets an answer: CdnGateFormSecurityTest)
        FreeStyleProject job = r.createFreeStyleProject("deploy");
        List<BiFunction<Item, String, FormValidation>> checks = List.of(
                r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class)::doCheckEndpoint,
                r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class)::doCheckEndpoint,
                r.jenkins.getDescriptorByType(EnsureActiveBuilder.DescriptorImpl.class)::doCheckEndpoint,
                r.jenkins.getDescriptorByType(RequireQuotaBuilder.DescriptorImpl.class)::doCheckEndpoint,
                (item, value) -> CdnGateConfiguration.get().doCheckEndpoint(value));
        for (BiFunction<Item, String, FormValidation> check : checks) {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                checkEndpointAnswers(check, job);
            }
        }
    }

    /** What the gate accepts is OK, what it refuses is an error with its one-line message. */
    private void checkEndpointAnswers(BiFunction<Item, String, FormValidation> check, Item job) {
        assertEquals(FormValidation.Kind.OK, check.apply(job, "").kind);
        assertEquals(FormValidation.Kind.OK, check.apply(job, "cdn.aliyuncs.com").kind);
        assertEquals(FormValidation.Kind.OK, check.apply(job, emu.endpoint()).kind);
        FormValidation plainHttp = check.apply(job, "http://example.com");
        assertEquals(FormValidation.Kind.ERROR, plainHttp.kind);
        // (a FormValidation's message is HTML-escaped: the quotes around the value become &#039;)
        assertEquals(endpointError("http://example.com").replace("'", "&#039;"), plainHttp.getMessage());
        assertEquals(FormValidation.Kind.ERROR, check.apply(job, "127.0.0.1:99999").kind);
        assertEquals(FormValidation.Kind.ERROR, check.apply(job, "garbage endpoint!").kind);
    }

    @Test
    public void chargeTypeDropDownsOfferOnlyWhatTheApiAccepts() {
        for (ListBoxModel activation : List.of(
                r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class).doFillChargeTypeItems(),
                r.jenkins.getDescriptorByType(EnsureActiveBuilder.DescriptorImpl.class).doFillChargeTypeItems())) {
            assertEquals(List.of("", "PayByTraffic"), values(activation));
        }
        for (ListBoxModel expected : List.of(
                r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class).doFillExpectedChargeTypeItems(),
                r.jenkins.getDescriptorByType(EnsureActiveBuilder.DescriptorImpl.class)
                        .doFillExpectedChargeTypeItems())) {
            assertEquals(List.of("", "PayByTraffic", "PayByBandwidth"), values(expected));
        }
    }

    @Test
    public void everyDropDownWithADefaultStartsWithAnEmptyOptionForIt() {
        EnsureActiveBuilder.DescriptorImpl ensure = r.jenkins.getDescriptorByType(EnsureActiveBuilder.DescriptorImpl.class);
        EnsureActiveStep.DescriptorImpl ensureStep = r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class);
        RequireQuotaBuilder.DescriptorImpl quota = r.jenkins.getDescriptorByType(RequireQuotaBuilder.DescriptorImpl.class);
        RequireQuotaStep.DescriptorImpl quotaStep = r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class);

        for (ListBoxModel model : List.of(ensure.doFillChargeTypeItems(), ensure.doFillLockPolicyItems(),
                ensure.doFillModeItems(), ensureStep.doFillChargeTypeItems(), ensureStep.doFillLockPolicyItems(),
                ensureStep.doFillModeItems(), quota.doFillModeItems(), quotaStep.doFillModeItems())) {
            assertEquals("", model.get(0).value);
            assertTrue(model.get(0).name, model.get(0).name.startsWith("(default: "));
        }
        assertEquals(List.of("", "fail", "unstable"), values(ensure.doFillLockPolicyItems()));
        assertEquals(List.of("", "enforce", "warn"), values(quota.doFillModeItems()));
    }

    @Test
    public void defaultsStayUnsetThroughAConfigurationRoundtrip() throws Exception {
        // given builders left at every default: a form save must not write the defaults out explicitly
        EnsureActiveBuilder ensure = r.configRoundtrip(ensureActive(ACCESS_KEY_CREDENTIALS));
        RequireQuotaBuilder quota = r.configRoundtrip(requireQuota("500GiB"));

        assertNull(ensure.getChargeType());
        assertNull(ensure.getExpectedChargeType());
        assertNull(ensure.getLockPolicy());
        assertNull(ensure.getMode());
        assertNull(quota.getMode());
    }

    /** The one line the gates' own parse gives for {@code text}: forms and gates must say the same. */
    static String endpointError(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text)).getMessage();
    }

    private static List<String> values(ListBoxModel model) {
        List<String> values = new ArrayList<>();
        for (ListBoxModel.Option o : model) {
            values.add(o.value);
        }
        return values;
    }

    @Test
    public void minBytesCheckAnswersWithTheHumanSize() throws Exception {
        RequireQuotaStep.DescriptorImpl d = r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class);
        assertEquals("= 500.0 GiB", d.doCheckMinBytes(null, "500GiB").getMessage());
        assertEquals(hudson.util.FormValidation.Kind.ERROR, d.doCheckMinBytes(null, "").kind);
        assertEquals(hudson.util.FormValidation.Kind.ERROR, d.doCheckMinBytes(null, "500 parsecs").kind);
        // counts: digits only, grouped in the answer; a separator is refused as in sizes
        assertEquals("= 1,000,000", d.doCheckMinRequests(null, "1000000").getMessage());
        assertEquals(FormValidation.Kind.ERROR, d.doCheckMinRequests(null, "1,000").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckMinBytes(null, "1,000").kind);
    }
}
