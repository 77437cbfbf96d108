package io.jenkins.plugins.cdngate.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step with the same parameters and binding as the {@code cdnRequireQuota} Pipeline step. No
 * {@code @Symbol}: it would clash with the step name in Pipeline.
 */
public final class RequireQuotaBuilder extends Builder implements SimpleBuildStep {
    private final String minBytes;
    private String credentialsId;
    private String endpoint;
    private String warnBytes;
    private String minRequests;
    private String planFilter;
    private Integer expiryWarningDays;
    private String mode;
    private String roleArn;
    private Integer minDaysLeft;
    private Integer warnDaysLeft;

    /** @param minBytes a size such as {@code 500GiB}, {@code 1.5TB} or plain bytes, as text */
    @DataBoundConstructor
    public RequireQuotaBuilder(String minBytes) {
        this.minBytes = Util.fixEmptyAndTrim(minBytes);
    }

    public String getMinBytes() {
        return minBytes;
    }

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

    public String getWarnBytes() {
        return warnBytes;
    }

    @DataBoundSetter
    public void setWarnBytes(String warnBytes) {
        this.warnBytes = Util.fixEmptyAndTrim(warnBytes);
    }

    public String getMinRequests() {
        return minRequests;
    }

    @DataBoundSetter
    public void setMinRequests(String minRequests) {
        this.minRequests = Util.fixEmptyAndTrim(minRequests);
    }

    public String getPlanFilter() {
        return planFilter;
    }

    @DataBoundSetter
    public void setPlanFilter(String planFilter) {
        this.planFilter = Util.fixEmptyAndTrim(planFilter);
    }

    public Integer getExpiryWarningDays() {
        return expiryWarningDays;
    }

    @DataBoundSetter
    public void setExpiryWarningDays(Integer expiryWarningDays) {
        this.expiryWarningDays = expiryWarningDays;
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public String getRoleArn() {
        return roleArn;
    }

    /** A RAM role to assume for this gate, instead of the one the credentials name (if any). */
    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
    }

    public Integer getMinDaysLeft() {
        return minDaysLeft;
    }

    /** FAIL when fewer days of data transfer are left at the pace (core's forecast); no pace yet never fails. */
    @DataBoundSetter
    public void setMinDaysLeft(Integer minDaysLeft) {
        this.minDaysLeft = minDaysLeft;
    }

    public Integer getWarnDaysLeft() {
        return warnDaysLeft;
    }

    /** UNSTABLE when fewer days of data transfer are left at the pace. */
    @DataBoundSetter
    public void setWarnDaysLeft(Integer warnDaysLeft) {
        this.warnDaysLeft = warnDaysLeft;
    }

    GateBinding.RequireQuotaParameters parameters() {
        return new GateBinding.RequireQuotaParameters(credentialsId, endpoint, minBytes, warnBytes, minRequests,
                planFilter, expiryWarningDays, mode, roleArn, minDaysLeft, warnDaysLeft);
    }

    /** The gate calls an API only: no agent, no workspace. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        GateBinding.requireQuota(parameters().expand(env::expand), run, listener, GateBinding.NO_STAGE);
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> implements CustomDescribableModel {
        /**
         * Pipeline users write {@code minBytes: 1073741824, minRequests: 1000000} as often as {@code '1GiB'}: a number
         * becomes its exact text here (core's {@code Sizes.argumentText}), before the String-typed setters see it, so
         * both forms are read by core's one rule when the gate runs (a bad value is then one line), and the snippet
         * generator, which reads the setters' types, writes text as it always did. The structs plugin's documented
         * way to accept variant inputs (the input, build and withDockerRegistry steps do the same).
         */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return GateBinding.numbersAsText(arguments);
        }

        @Override
        public String getDisplayName() {
            return "Alibaba Cloud CDN Gate: require remaining data transfer";
        }

        /** SimpleBuildStep's javadoc: applicable to every job type. */
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return GateCredentials.fillCredentialsIdItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return GateCredentials.checkCredentialsId(item, value);
        }

        @POST
        public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkEndpoint(item, value);
        }

        @POST
        public FormValidation doCheckRoleArn(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkRoleArn(item, value);
        }

        @POST
        public FormValidation doCheckMinBytes(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkSize(item, value, true);
        }

        @POST
        public FormValidation doCheckWarnBytes(@AncestorInPath Item item, @QueryParameter String value,
                                               @QueryParameter String minBytes) {
            return GateForms.checkWarnSize(item, value, minBytes);
        }

        @POST
        public FormValidation doCheckMinRequests(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkCount(item, value);
        }

        @POST
        public FormValidation doCheckPlanFilter(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkRegex(item, value);
        }

        @POST
        public FormValidation doCheckExpiryWarningDays(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkNonNegative(item, value);
        }

        @POST
        public FormValidation doCheckMinDaysLeft(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkNonNegative(item, value);
        }

        @POST
        public FormValidation doCheckWarnDaysLeft(@AncestorInPath Item item, @QueryParameter String value,
                                                  @QueryParameter String minDaysLeft) {
            return GateForms.checkWarnDays(item, value, minDaysLeft);
        }

        public ListBoxModel doFillModeItems() {
            return GateForms.modeItems();
        }
    }
}
