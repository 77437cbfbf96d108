package io.jenkins.plugins.cdngate.emulator;

import java.time.Instant;

/**
 * Temporary credentials the emulator issued (STS AssumeRole, AssumeRoleWithOIDC, the ECS metadata service): the CDN
 * operations accept them, with their security token, for the role's owner account until {@code expiresAt}.
 *
 * @param roleArn the role they act as (a role may trust it for chaining)
 */
public record TemporaryCredential(String accessKeyId, String accessKeySecret, String securityToken,
                                  Instant expiresAt, Role role, String roleArn, String sessionName) {
    @Override
    public String toString() {
        return "TemporaryCredential[" + Account.mask(accessKeyId) + " for " + roleArn + " until " + expiresAt + "]";
    }
}
