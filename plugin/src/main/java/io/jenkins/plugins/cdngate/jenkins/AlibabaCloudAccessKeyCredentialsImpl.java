package io.jenkins.plugins.cdngate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.AccessKey;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The "Alibaba Cloud AccessKey" credential type: an ID in clear, the secret as a {@link Secret}, and optionally a
 * RAM role ARN (with a session duration) that gates and the {@code withCredentials} binding assume with the key.
 */
public class AlibabaCloudAccessKeyCredentialsImpl extends BaseStandardCredentials
        implements AlibabaCloudAccessKeyCredentials {
    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final Secret accessKeySecret;
    private String roleArn;
    private Integer roleSessionDurationSeconds;

    @DataBoundConstructor
    public AlibabaCloudAccessKeyCredentialsImpl(CredentialsScope scope, String id, String description,
                                                String accessKeyId, Secret accessKeySecret) {
        super(scope, id, description);
        this.accessKeyId = Util.fixNull(accessKeyId).trim();
        this.accessKeySecret = accessKeySecret;
    }

    @Override
    public String getAccessKeyId() {
        return accessKeyId;
    }

    @Override
    public Secret getAccessKeySecret() {
        return accessKeySecret;
    }

    @Override
    public String getRoleArn() {
        return roleArn;
    }

    /** Checked where it is used (core's RoleSpec), so a stored value never fails Jenkins' loading of credentials. */
    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
    }

    @Override
    public Integer getRoleSessionDurationSeconds() {
        return roleSessionDurationSeconds;
    }

    @DataBoundSetter
    public void setRoleSessionDurationSeconds(Integer roleSessionDurationSeconds) {
        this.roleSessionDurationSeconds = roleSessionDurationSeconds;
    }

    /** {@code @Symbol} lets Configuration as Code create it as {@code alibabaCloudAccessKey}. */
    @Extension
    @Symbol("alibabaCloudAccessKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @Override
        public String getDisplayName() {
            return "Alibaba Cloud AccessKey";
        }

        /**
         * A warning, never an error (the ID is checked by Alibaba when a gate runs): an ID that has neither documented
         * shape is often the secret in the wrong field, which the gates then mask to its first two characters only.
         * The value is never echoed.
         */
        @POST
        public FormValidation doCheckAccessKeyId(@AncestorInPath Item item, @QueryParameter String value) {
            String id = Util.fixEmptyAndTrim(value);
            if (!GateForms.mayConfigure(item) || id == null || AccessKey.hasDocumentedShape(id)) {
                return FormValidation.ok();
            }
            return FormValidation.warning("This does not look like an AccessKey ID (LTAI... or, for a temporary key,"
                    + " STS....): is it the secret, or are the ID and the secret swapped?");
        }

        /** Parse-only (no STS call: a live check would let form users probe roles with a stored key). */
        @POST
        public FormValidation doCheckRoleArn(@AncestorInPath Item item, @QueryParameter String value) {
            return GateForms.checkRoleArn(item, value);
        }

        @POST
        public FormValidation doCheckRoleSessionDurationSeconds(@AncestorInPath Item item,
                                                                @QueryParameter String value) {
            return GateForms.checkRoleDuration(item, value);
        }
    }
}
