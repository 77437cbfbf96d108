// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — jenkins.model.TransientActionFactory
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public abstract Collection<? extends Action> createFor(T target);
}
