// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.CredentialsProvider
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final Permission USE_ITEM = null;

    public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(Class<C> type, Item item,
            Authentication authentication, List<DomainRequirement> domainRequirements, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
