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
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step with the same parameters and binding as the {@code cdnEnsureActive} Pipeline step. No
 * {@code @Symbol}: it would clash with the step name in Pipeline.
 */
public final class EnsureActiveBuilder extends Builder implements SimpleBuildStep {
    private String credentialsId;
    private String endpoint;
    private boolean activate = true;
    private String chargeType;
    private String expectedChargeType;
    private String lockPolicy;
    private String mode;
    private String roleArn;

    @DataBoundConstructor
    public EnsureActiveBuilder() {
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

    public boolean isActivate() {
        return activate;
    }

    @DataBoundSetter
    public void setActivate(boolean activate) {
        this.activate = activate;
    }

    public String getChargeType() {
        return chargeType;
    }

    @DataBoundSetter
    public void setChargeType(String chargeType) {
        this.chargeType = Util.fixEmptyAndTrim(chargeType);
    }

    public String getExpectedChargeType() {
        return expectedChargeType;
    }

    @DataBoundSetter
    public void setExpectedChargeType(String expectedChargeType) {
        this.expectedChargeType = Util.fixEmptyAndTrim(expectedChargeType);
    }

    public String getLockPolicy() {
        return lockPolicy;
    }

    @DataBoundSetter
    public void setLockPolicy(String lockPolicy) {
        this.lockPolicy = Util.fixEmptyAndTrim(lockPolicy);
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

    GateBinding.EnsureActiveParameters parameters() {
        return new GateBinding.EnsureActiveParameters(credentialsId, endpoint, activate, chargeType,
                expectedChargeType, lockPolicy, mode, roleArn);
    }

    /** The gate calls an API only: no agent, no workspace. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        GateBinding.ensureActive(parameters().expand(env::expand), run, listener, GateBinding.NO_STAGE);
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public String getDisplayName() {
            return "Alibaba Cloud CDN Gate: ensure the CDN service is active";
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

        public ListBoxModel doFillChargeTypeItems() {
            return GateForms.chargeTypeItems();
        }

        public ListBoxModel doFillExpectedChargeTypeItems() {
            return GateForms.expectedChargeTypeItems();
        }

        public ListBoxModel doFillLockPolicyItems() {
            return GateForms.lockPolicyItems();
        }

        public ListBoxModel doFillModeItems() {
            return GateForms.modeItems();
        }
    }
}
