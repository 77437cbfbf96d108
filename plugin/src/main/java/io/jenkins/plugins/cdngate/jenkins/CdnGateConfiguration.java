package io.jenkins.plugins.cdngate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.AbortException;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Endpoint;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every gate in this Jenkins (credentials, endpoint, timeouts, retry budget) and the
 * process-wide call policy of {@link CallGovernor}: all builds share one AccessKey's Alibaba Cloud rate
 * limits, so the limiter is per JVM, configured here. The usual GlobalConfiguration shape: plain
 * {@code @DataBoundSetter}s (Configuration as Code: {@code unclassified: aliyunCdnGate: ...}), one
 * {@link #configure} that binds, checks and saves once, and a {@code doCheck*} per field for the form.
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
    private String stsEndpoint;
    private boolean useControllerIdentity = false;

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

    /**
     * Connection settings with the step's endpoint, else this default, else cdn.aliyuncs.com; the STS endpoint for
     * role assumption; and Jenkins' HTTP proxy (read at each gate; what the SDK does with a changed one: see
     * core's ProxySettings).
     *
     * @throws IllegalArgumentException one line when Jenkins' proxy settings cannot be used
     */
    ConnectionSettings connection(String stepEndpoint) {
        String chosen = Util.fixEmptyAndTrim(stepEndpoint);
        if (chosen == null) {
            chosen = endpoint == null ? ConnectionSettings.DEFAULT_ENDPOINT : endpoint;
        }
        ConnectionSettings settings = new ConnectionSettings(chosen, Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(readTimeoutSeconds), maxAttempts, Duration.ofSeconds(deadlineSeconds));
        if (stsEndpoint != null) {
            settings = settings.withStsEndpoint(stsEndpoint);
        }
        return settings.withProxy(JenkinsProxy.settings());
    }

    /**
     * Whether a gate with no credentials (none on the step, no default here) may use the controller's own identity:
     * Alibaba's default credential chain as the controller process sees it (environment, RRSA/OIDC, the aliyun CLI
     * configuration, the ECS instance RAM role). Off by default: when on, every job that can run a gate on this
     * controller acts as that identity, whatever credentials its authors may use.
     */
    boolean controllerIdentityAllowed() {
        return useControllerIdentity;
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

    /** What one submit of the form may change, kept to put back when the submitted values are refused. */
    private record Values(String credentialsId, String endpoint, int connectTimeoutSeconds, int readTimeoutSeconds,
                          int maxAttempts, int deadlineSeconds, boolean rateLimited, double openPerSecond,
                          double describePerSecond, boolean coalescing, int cacheTtlSeconds, String stsEndpoint,
                          boolean useControllerIdentity) {
    }

    private Values values() {
        return new Values(credentialsId, endpoint, connectTimeoutSeconds, readTimeoutSeconds, maxAttempts,
                deadlineSeconds, rateLimited, openPerSecond, describePerSecond, coalescing, cacheTtlSeconds, stsEndpoint,
                useControllerIdentity);
    }

    private void restore(Values v) {
        credentialsId = v.credentialsId();
        endpoint = v.endpoint();
        connectTimeoutSeconds = v.connectTimeoutSeconds();
        readTimeoutSeconds = v.readTimeoutSeconds();
        maxAttempts = v.maxAttempts();
        deadlineSeconds = v.deadlineSeconds();
        rateLimited = v.rateLimited();
        openPerSecond = v.openPerSecond();
        describePerSecond = v.describePerSecond();
        coalescing = v.coalescing();
        cacheTtlSeconds = v.cacheTtlSeconds();
        stsEndpoint = v.stsEndpoint();
        useControllerIdentity = v.useControllerIdentity();
    }

    /**
     * The form's submit: bind every field through the {@code @DataBoundSetter}s (as GlobalConfiguration's default
     * does), then check them together and save once. Jenkins shows a {@link FormException} as one message (a
     * notification on Apply, an error page on Save; Descriptor.FormException#generateResponse, jenkins 2.541.3).
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        return applyForm(() -> req.bindJSON(this, json));
    }

    /**
     * Runs {@code bind}, then keeps all the bound values or none: a refused value puts every field back as it was
     * and nothing is saved, so one typo cannot leave half a configuration on disk. Not synchronized: the
     * setters (Configuration as Code) and readers are not either, so a lock here would guard nothing and only
     * make SpotBugs report the fields as inconsistently synchronized; {@code save()} locks for itself.
     */
    boolean applyForm(Runnable bind) throws FormException {
        Values before = values();
        try {
            bind.run();
        } catch (RuntimeException e) {
            restore(before);
            throw e;
        }
        Problem problem = problem();
        if (problem != null) {
            restore(before);
            throw new FormException(problem.message(), problem.field());
        }
        save();
        applyGovernor();
        return true;
    }

    /** The first value a gate cannot run with, named as the form labels it, or null. */
    record Problem(String field, String message) {
    }

    Problem problem() {
        if (endpoint != null) {
            try {
                Endpoint.parse(endpoint);
            } catch (IllegalArgumentException e) {
                return new Problem("endpoint", "Default endpoint: " + e.getMessage());
            }
        }
        if (stsEndpoint != null) {
            try {
                Endpoint.parse(stsEndpoint);
            } catch (IllegalArgumentException e) {
                return new Problem("stsEndpoint", "STS endpoint: " + e.getMessage());
            }
        }
        return settingsProblem();
    }

    /** Everything but the endpoint, which a step may override (the gate parses the one it uses). */
    private Problem settingsProblem() {
        Problem p = atLeast("connectTimeoutSeconds", "Connect timeout (seconds)", 1, connectTimeoutSeconds);
        p = p != null ? p : atLeast("readTimeoutSeconds", "Read timeout (seconds)", 1, readTimeoutSeconds);
        p = p != null ? p : atLeast("maxAttempts", "Attempts per call", 1, maxAttempts);
        p = p != null ? p : atLeast("deadlineSeconds", "Time budget per gate (seconds)", 1, deadlineSeconds);
        p = p != null ? p : rate("openPerSecond", "OpenCdnService calls per second", openPerSecond);
        p = p != null ? p : rate("describePerSecond", "Describe calls per second", describePerSecond);
        p = p != null ? p : atLeast("cacheTtlSeconds", "Reuse answers for (seconds)", 0, cacheTtlSeconds);
        return p;
    }

    private static Problem atLeast(String field, String label, int min, int value) {
        return value >= min ? null : new Problem(field, label + " must be at least " + min + ", not " + value);
    }

    private static Problem rate(String field, String label, double value) {
        return value > 0 && !Double.isInfinite(value) ? null
                : new Problem(field, label + " must be above 0, not " + value);
    }

    /**
     * Applied when a gate starts: Configuration as Code sets the fields through the setters without calling
     * {@link #configure}, so this is where its values reach the gate. A value no gate can run with fails the
     * build with one line naming the setting (fail closed: no gate runs on a setting it cannot honour).
     */
    void checkUsable() throws AbortException {
        Problem problem = settingsProblem();
        if (problem != null) {
            throw new AbortException(GateBinding.PREFIX + "Global configuration (Manage Jenkins > System > "
                    + getDisplayName() + "): " + problem.message());
        }
        GovernorSettings wanted = governorSettings();
        if (!wanted.equals(CallGovernor.shared().settings())) {
            CallGovernor.shared().configure(wanted);
        }
    }

    // Plain setters, as GlobalConfiguration expects: configure() binds them all, checks and saves once;
    // Configuration as Code calls them directly (its docs/REQUIREMENTS.md: @DataBoundSetter, no custom binding).

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getDeadlineSeconds() {
        return deadlineSeconds;
    }

    @DataBoundSetter
    public void setDeadlineSeconds(int deadlineSeconds) {
        this.deadlineSeconds = deadlineSeconds;
    }

    public boolean isRateLimited() {
        return rateLimited;
    }

    @DataBoundSetter
    public void setRateLimited(boolean rateLimited) {
        this.rateLimited = rateLimited;
    }

    public double getOpenPerSecond() {
        return openPerSecond;
    }

    @DataBoundSetter
    public void setOpenPerSecond(double openPerSecond) {
        this.openPerSecond = openPerSecond;
    }

    public double getDescribePerSecond() {
        return describePerSecond;
    }

    @DataBoundSetter
    public void setDescribePerSecond(double describePerSecond) {
        this.describePerSecond = describePerSecond;
    }

    public boolean isCoalescing() {
        return coalescing;
    }

    @DataBoundSetter
    public void setCoalescing(boolean coalescing) {
        this.coalescing = coalescing;
    }

    public int getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    @DataBoundSetter
    public void setCacheTtlSeconds(int cacheTtlSeconds) {
        this.cacheTtlSeconds = cacheTtlSeconds;
    }

    public String getStsEndpoint() {
        return stsEndpoint;
    }

    /** Where roles are assumed (STS AssumeRole); blank = core's default, sts.aliyuncs.com. */
    @DataBoundSetter
    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = Util.fixEmptyAndTrim(stsEndpoint);
    }

    public boolean isUseControllerIdentity() {
        return useControllerIdentity;
    }

    @DataBoundSetter
    public void setUseControllerIdentity(boolean useControllerIdentity) {
        this.useControllerIdentity = useControllerIdentity;
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

    /** The same parse the gates use; administrators only, like the page itself (item-less form methods). */
    @POST
    public FormValidation doCheckEndpoint(@QueryParameter String value) {
        return GateForms.checkEndpoint(null, value);
    }

    @POST
    public FormValidation doCheckStsEndpoint(@QueryParameter String value) {
        return GateForms.checkEndpoint(null, value);
    }

    // The numeric checks only parse, but any Overall/Read user can call a web method: they answer administrators
    // (who alone may submit this page) and a plain OK to anyone else, as GateForms.mayConfigure explains.

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckReadTimeoutSeconds(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckMaxAttempts(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckDeadlineSeconds(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckCacheTtlSeconds(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validateNonNegativeInteger(value);
    }

    @POST
    public FormValidation doCheckOpenPerSecond(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return checkRate(value, "5.0");
    }

    @POST
    public FormValidation doCheckDescribePerSecond(@QueryParameter String value) {
        if (!GateForms.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return checkRate(value, "30.0");
    }

    private static FormValidation checkRate(String value, String defaultRate) {
        double rate;
        try {
            rate = Double.parseDouble(Util.fixNull(value).trim());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        return rate > 0 ? FormValidation.ok() : FormValidation.error("Enter calls per second above 0 (the default is " + defaultRate + ")");
    }
}
