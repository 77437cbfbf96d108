package io.jenkins.plugins.cdngate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.AccessKey;

/**
 * An Alibaba Cloud AccessKey pair held in Jenkins credentials, optionally with a RAM role to assume with it
 * (as aws-credentials holds an IAM role next to the key). The name shown in drop-downs carries the ID only
 * masked, never the secret.
 */
@NameWith(value = AlibabaCloudAccessKeyCredentials.NameProvider.class, priority = 1)
public interface AlibabaCloudAccessKeyCredentials extends StandardCredentials {
    /** The AccessKey ID, e.g. of a RAM user allowed to call the CDN API. */
    String getAccessKeyId();

    /** The AccessKey secret. */
    Secret getAccessKeySecret();

    /**
     * The ARN of a RAM role to assume with this key through STS AssumeRole ({@code acs:ram::<account>:role/<name>}),
     * or null to use the key itself.
     */
    default String getRoleArn() {
        return null;
    }

    /** How long the temporary credentials of {@link #getRoleArn()} last, in seconds (900..43200); null = STS's default. */
    default Integer getRoleSessionDurationSeconds() {
        return null;
    }

    /** {@code LTAI****0001 (description)}, plus {@code , role acs:ram::...} when a role is set. */
    class NameProvider extends CredentialsNameProvider<AlibabaCloudAccessKeyCredentials> {
        @Override
        public String getName(AlibabaCloudAccessKeyCredentials c) {
            String description = Util.fixEmptyAndTrim(c.getDescription());
            String role = Util.fixEmptyAndTrim(c.getRoleArn());
            return AccessKey.mask(c.getAccessKeyId()) + (role == null ? "" : ", role " + role)
                    + (description == null ? "" : " (" + description + ")");
        }
    }
}
