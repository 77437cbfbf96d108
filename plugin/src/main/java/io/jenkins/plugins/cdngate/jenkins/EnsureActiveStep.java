package io.jenkins.plugins.cdngate.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code cdnEnsureActive}: the CDN service is activated (opening it when allowed) and not locked.
 * Returns a map of plain values; FAIL aborts the build, UNSTABLE marks the stage and the build.
 */
public final class EnsureActiveStep extends Step {
    private String credentialsId;
    private String endpoint;
    private boolean activate = true;
    private String chargeType;
    private String expectedChargeType;
    private String lockPolicy;
    private String mode;
    private String roleArn;

    @DataBoundConstructor
    public EnsureActiveStep() {
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, parameters());
    }

    /**
     * Runs off the CPS thread: the gate waits on the network. Aborting the build interrupts this thread,
     * and core's gates answer an interrupt promptly with InterruptedException, which ends the step.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        // Only read by run(), which never resumes: SynchronousNonBlockingStepExecution fails the step after a
        // restart (onResume), so nothing needs this after deserialization.
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient GateBinding.EnsureActiveParameters parameters;

        Execution(StepContext context, GateBinding.EnsureActiveParameters parameters) {
            super(context);
            this.parameters = parameters;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            FlowNode node = c.get(FlowNode.class);
            return GateBinding.ensureActive(parameters, c.get(Run.class), c.get(TaskListener.class),
                    GateBinding.flowNode(node), GatePlace.of(node));
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "cdnEnsureActive";
        }

        @Override
        public String getDisplayName() {
            return "Alibaba Cloud CDN: ensure the service is active";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
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
