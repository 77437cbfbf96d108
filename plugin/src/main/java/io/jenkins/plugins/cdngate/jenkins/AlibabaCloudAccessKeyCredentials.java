package io.jenkins.plugins.cdngate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.AccessKey;

/**
 * An Alibaba Cloud AccessKey pair held in Jenkins credentials. The name shown in drop-downs carries the
 * ID only masked, never the secret.
 */
@NameWith(value = AlibabaCloudAccessKeyCredentials.NameProvider.class, priority = 1)
public interface AlibabaCloudAccessKeyCredentials extends StandardCredentials {
    /** The AccessKey ID, e.g. of a RAM user allowed to call the CDN API. */
    String getAccessKeyId();

    /** The AccessKey secret. */
    Secret getAccessKeySecret();

    /** {@code LTAI****0001 (description)}. */
    class NameProvider extends CredentialsNameProvider<AlibabaCloudAccessKeyCredentials> {
        @Override
        public String getName(AlibabaCloudAccessKeyCredentials c) {
            String description = Util.fixEmptyAndTrim(c.getDescription());
            return AccessKey.mask(c.getAccessKeyId()) + (description == null ? "" : " (" + description + ")");
        }
    }
}
