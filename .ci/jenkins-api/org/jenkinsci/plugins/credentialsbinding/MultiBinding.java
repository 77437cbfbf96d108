// Signature mirror of org.jenkins-ci.plugins:credentials-binding:728.v902a_273b_8947 — org.jenkinsci.plugins.credentialsbinding.MultiBinding
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;

public abstract class MultiBinding<C extends StandardCredentials> extends AbstractDescribableImpl<MultiBinding<C>>
        implements ExtensionPoint {
    protected MultiBinding(String credentialsId) {
    }

    protected abstract Class<C> type();

    public final String getCredentialsId() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static final class MultiEnvironment implements Serializable {
        public MultiEnvironment(Map<String, String> secretValues) {
        }

        public MultiEnvironment(Map<String, String> secretValues, Map<String, String> publicValues) {
        }

        public Map<String, String> getSecretValues() {
            throw new UnsupportedOperationException("signature mirror");
        }

        public Map<String, String> getPublicValues() {
            throw new UnsupportedOperationException("signature mirror");
        }
    }

    public abstract MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher,
                                          TaskListener listener) throws IOException, InterruptedException;

    public Set<String> variables(Run<?, ?> build) throws CredentialNotFoundException {
        throw new UnsupportedOperationException("signature mirror");
    }

    protected final C getCredentials(Run<?, ?> build) throws CredentialNotFoundException {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public BindingDescriptor<C> getDescriptor() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
