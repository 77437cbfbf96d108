package io.jenkins.plugins.cdngate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.Util;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The "Alibaba Cloud AccessKey" credential type: an ID in clear, the secret as a {@link Secret}. */
public class AlibabaCloudAccessKeyCredentialsImpl extends BaseStandardCredentials
        implements AlibabaCloudAccessKeyCredentials {
    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final Secret accessKeySecret;

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

    /** {@code @Symbol} lets Configuration as Code create it as {@code alibabaCloudAccessKey}. */
    @Extension
    @Symbol("alibabaCloudAccessKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @Override
        public String getDisplayName() {
            return "Alibaba Cloud AccessKey";
        }
    }
}
