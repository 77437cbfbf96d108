// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ — org.jenkinsci.plugins.workflow.actions.LabelAction
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.actions;

public class LabelAction implements PersistentAction {
    public LabelAction(String displayName) {
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
