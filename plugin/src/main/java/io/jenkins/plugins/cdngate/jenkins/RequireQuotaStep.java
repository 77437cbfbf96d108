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
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code cdnRequireQuota(minBytes: '500GiB')}: valid resource plans still hold at least that much data
 * transfer. Returns a map of plain values; FAIL aborts the build, UNSTABLE marks the stage and the build.
 */
public final class RequireQuotaStep extends Step {
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
    public RequireQuotaStep(String minBytes) {
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, parameters());
    }

    /** Off the CPS thread, abortable: see {@link EnsureActiveStep}. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        // Only read by run(), which never resumes: SynchronousNonBlockingStepExecution fails the step after a
        // restart (onResume), so nothing needs this after deserialization.
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient GateBinding.RequireQuotaParameters parameters;

        Execution(StepContext context, GateBinding.RequireQuotaParameters parameters) {
            super(context);
            this.parameters = parameters;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            FlowNode node = c.get(FlowNode.class);
            return GateBinding.requireQuota(parameters, c.get(Run.class), c.get(TaskListener.class),
                    GateBinding.flowNode(node), GatePlace.of(node));
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements CustomDescribableModel {
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
        public String getFunctionName() {
            return "cdnRequireQuota";
        }

        @Override
        public String getDisplayName() {
            return "Alibaba Cloud CDN: require remaining data transfer";
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
