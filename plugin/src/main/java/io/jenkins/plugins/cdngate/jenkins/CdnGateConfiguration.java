package io.jenkins.plugins.cdngate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every gate in this Jenkins (credentials, endpoint, timeouts, retry budget) and the
 * process-wide call policy of {@link CallGovernor}: all builds share one AccessKey's Alibaba Cloud rate
 * limits, so the limiter is per JVM, configured here. Configuration as Code: {@code unclassified:
 * aliyunCdnGate: ...} through the {@code @DataBoundSetter}s.
 */
@Extension
@Symbol("aliyunCdnGate")
public final class CdnGateConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(CdnGateConfiguration.class.getName());

    private String credentialsId;
    private String endpoint;
    private int connectTimeoutSeconds = 5;
    private int readTimeoutSeconds = 10;
    private int maxAttempts = 4;
    private int deadlineSeconds = 60;
    private boolean rateLimited = true;
    private double openPerSecond = 5;
    private double describePerSecond = 30;
    private boolean coalescing = true;
    private int cacheTtlSeconds = 0;

    public CdnGateConfiguration() {
        load();
        applyGovernor();
    }

    public static CdnGateConfiguration get() {
        return ExtensionList.lookupSingleton(CdnGateConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Alibaba Cloud CDN Gate";
    }

    /** The step's credentials, or this default when the step names none. */
    String credentialsIdOr(String stepValue) {
        String own = Util.fixEmptyAndTrim(stepValue);
        return own != null ? own : credentialsId;
    }

    /** Connection settings with the step's endpoint, else this default, else cdn.aliyuncs.com. */
    ConnectionSettings connection(String stepEndpoint) {
        String chosen = Util.fixEmptyAndTrim(stepEndpoint);
        if (chosen == null) {
            chosen = endpoint == null ? ConnectionSettings.DEFAULT_ENDPOINT : endpoint;
        }
        return new ConnectionSettings(chosen, Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(readTimeoutSeconds), maxAttempts, Duration.ofSeconds(deadlineSeconds));
    }

    GovernorSettings governorSettings() {
        return new GovernorSettings(rateLimited, openPerSecond, describePerSecond, coalescing,
                Duration.ofSeconds(cacheTtlSeconds));
    }

    /**
     * A hand-edited configuration file with an impossible rate must not stop Jenkins from loading this
     * extension (and with it every gate): keep the defaults and say why in the system log.
     */
    private void applyGovernor() {
        GovernorSettings settings;
        try {
            settings = governorSettings();
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "Alibaba Cloud CDN Gate: invalid call policy ({0}); using the defaults",
                    e.getMessage());
            settings = GovernorSettings.defaults();
        }
        CallGovernor.shared().configure(settings);
    }

    private static int atLeast(String name, int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be above 0 calls per second, not " + value);
        }
        return value;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
        save();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = atLeast("connectTimeoutSeconds", 1, connectTimeoutSeconds);
        save();
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = atLeast("readTimeoutSeconds", 1, readTimeoutSeconds);
        save();
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = atLeast("maxAttempts", 1, maxAttempts);
        save();
    }

    public int getDeadlineSeconds() {
        return deadlineSeconds;
    }

    @DataBoundSetter
    public void setDeadlineSeconds(int deadlineSeconds) {
        this.deadlineSeconds = atLeast("deadlineSeconds", 1, deadlineSeconds);
        save();
    }

    public boolean isRateLimited() {
        return rateLimited;
    }

    @DataBoundSetter
    public void setRateLimited(boolean rateLimited) {
        this.rateLimited = rateLimited;
        save();
        applyGovernor();
    }

    public double getOpenPerSecond() {
        return openPerSecond;
    }

    @DataBoundSetter
    public void setOpenPerSecond(double openPerSecond) {
        this.openPerSecond = positive("openPerSecond", openPerSecond);
        save();
        applyGovernor();
    }

    public double getDescribePerSecond() {
        return describePerSecond;
    }

    @DataBoundSetter
    public void setDescribePerSecond(double describePerSecond) {
        this.describePerSecond = positive("describePerSecond", describePerSecond);
        save();
        applyGovernor();
    }

    public boolean isCoalescing() {
        return coalescing;
    }

    @DataBoundSetter
    public void setCoalescing(boolean coalescing) {
        this.coalescing = coalescing;
        save();
        applyGovernor();
    }

    public int getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    @DataBoundSetter
    public void setCacheTtlSeconds(int cacheTtlSeconds) {
        this.cacheTtlSeconds = atLeast("cacheTtlSeconds", 0, cacheTtlSeconds);
        save();
        applyGovernor();
    }

    /** Global context: only administrators see the list (no item to scope it to). */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return GateCredentials.fillCredentialsIdItems(null, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        return GateCredentials.checkCredentialsId(null, value);
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckReadTimeoutSeconds(@QueryParameter String value) {
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckMaxAttempts(@QueryParameter String value) {
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckDeadlineSeconds(@QueryParameter String value) {
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckCacheTtlSeconds(@QueryParameter String value) {
        return FormValidation.validateNonNegativeInteger(value);
    }

    @POST
    public FormValidation doCheckOpenPerSecond(@QueryParameter String value) {
        return checkRate(value);
    }

    @POST
    public FormValidation doCheckDescribePerSecond(@QueryParameter String value) {
        return checkRate(value);
    }

    private static FormValidation checkRate(String value) {
        double rate;
        try {
            rate = Double.parseDouble(Util.fixNull(value).trim());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        return rate > 0 ? FormValidation.ok() : FormValidation.error("Enter calls per second above 0, for example 5");
    }
}
