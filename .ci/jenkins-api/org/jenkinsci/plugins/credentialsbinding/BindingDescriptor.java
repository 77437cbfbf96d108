// Signature mirror of org.jenkins-ci.plugins:credentials-binding:728.v902a_273b_8947 — org.jenkinsci.plugins.credentialsbinding.BindingDescriptor
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;

public abstract class BindingDescriptor<C extends StandardCredentials> extends Descriptor<MultiBinding<C>> {
    protected abstract Class<C> type();

    public boolean requiresWorkspace() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item owner) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
