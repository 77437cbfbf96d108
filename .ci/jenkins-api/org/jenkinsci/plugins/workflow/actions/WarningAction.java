// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ — org.jenkinsci.plugins.workflow.actions.WarningAction
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
