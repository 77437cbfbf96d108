// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Actionable
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import java.util.List;

public abstract class Actionable extends AbstractModelObject {
    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
