package io.jenkins.plugins.cdngate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Plan;

/** The emulated Alibaba Cloud account and the Jenkins credentials that reach it, shared by the tests. */
final class GateFixture {
    static final String KEY_ID = "LTAI-test-0001";
    static final String MASKED_KEY_ID = "LTAI****0001";
    static final String SECRET = "test-secret-0001";
    static final long GIB = 1024L * 1024 * 1024;

    /** An "Alibaba Cloud AccessKey" credential. */
    static final String ACCESS_KEY_CREDENTIALS = "cdn-access-key";
    /** A "Username with password" credential holding the same key. */
    static final String USERNAME_PASSWORD_CREDENTIALS = "cdn-username-password";

    private GateFixture() {
    }

    /** Rate limits off: tests must not wait for permits, and the limiter has its own tests in core. */
    static CdnEmulator startEmulator() {
        return CdnEmulator.start(EmulatorOptions.defaults().port(0).rateLimits(false));
    }

    /** Activated, PayByTraffic, unlocked, one valid 500 GiB data-transfer plan ending far away. */
    static Account healthyAccount() {
        return Account.create(KEY_ID, SECRET)
                .activated(true)
                .chargeType("PayByTraffic")
                .openingTime("2024-02-28T13:11:49Z")
                .plan(Plan.dataTransfer("FP-0001", "CDN data transfer plan (Chinese mainland)", 500 * GIB, 500 * GIB,
                        "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
    }

    /** Activated, one data-transfer plan that has been in use since 2026-01-01: {@code remainingGib} of 500 GiB left. */
    static Account usedAccount(long remainingGib) {
        return Account.create(KEY_ID, SECRET)
                .activated(true)
                .chargeType("PayByTraffic")
                .openingTime("2024-02-28T13:11:49Z")
                .plan(usedPlan(remainingGib));
    }

    static Plan usedPlan(long remainingGib) {
        return Plan.dataTransfer("FP-0001", "CDN data transfer plan (Chinese mainland)", remainingGib * GIB, 500 * GIB,
                "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z");
    }

    static void addBothCredentialTypes() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new AlibabaCloudAccessKeyCredentialsImpl(
                CredentialsScope.GLOBAL, ACCESS_KEY_CREDENTIALS, "CDN gate key", KEY_ID, Secret.fromString(SECRET)));
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, USERNAME_PASSWORD_CREDENTIALS, "CDN gate key as username/password", KEY_ID,
                SECRET));
        SystemCredentialsProvider.getInstance().save();
    }
}
